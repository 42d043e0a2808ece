import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BaseEnv, Role, signDevToken } from '@bridges/platform';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { CampaignEntity } from '../src/campaigns/campaign.entity';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile } from './support/registry-events';
import { registerThroughKafka } from './support/seed-pool';

/**
 * POST /campaigns/preview-eligibility: the console's live count while a coordinator writes a campaign,
 * over the same pool and seekers a round reads (real PostgreSQL, profiles projected from Kafka).
 */
describe('POST /campaigns/preview-eligibility (HTTP, real PostgreSQL)', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let app: INestApplication;
  let secret: string;

  const lvivOblast = { code: 'UA46000000000026241', name: 'Львівська область' };
  const kyivOblast = { code: 'UA32000000000030281', name: 'Київська область' };
  const pool = [
    euProfile({ country: 'PL', population: 3_000 }),
    euProfile({ country: 'PL', population: 30_000 }),
    euProfile({ country: 'LT', population: 9_000 }),
    // Full: not eligible unless the campaign waives free capacity.
    euProfile({ country: 'LT', population: 9_000, partnershipCapacity: 0 }),
  ];
  const hromadas = [
    hromadaProfile({ region: lvivOblast }),
    hromadaProfile({ region: lvivOblast }),
    hromadaProfile({ region: kyivOblast }),
    // Not seeking a partner: no round would consider it.
    hromadaProfile({ region: kyivOblast, seekingPartner: false }),
  ];

  /** The response, after checking its status. */
  const preview = async (body: object, status = 200, roles: Role[] = [Role.MatchingCoordinator]) =>
    request(app.getHttpServer())
      .post('/campaigns/preview-eligibility')
      .set('Authorization', `Bearer ${await signDevToken({ secret, roles, sub: 'coordinator-1' })}`)
      .send(body)
      .expect(status);

  beforeAll(async () => {
    db = await createTestDatabase('matching_eligibility_preview');
    await provisionMatchingTopics(prefix);
    app = await startMatchingApp(
      matchingTestEnv(db.url, prefix, { MATCHING_ROUND_POLL_INTERVAL_MS: '3600000' }),
    );
    secret = app.get(BaseEnv).AUTH_JWT_SECRET!;
    await registerThroughKafka(app, prefix, [...pool, ...hromadas]);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('should count with the defaults a created campaign gets: free capacity required, every seeking hromada', async () => {
    const res = await preview({});

    expect(res.body).toEqual({
      euMunicipalities: { eligible: 3, total: 4 },
      hromadas: { eligible: 3, total: 3 },
    });
  });

  it('should narrow the count as each filter is added, on both sides', async () => {
    const lithuania = await preview({ euEligibility: { countries: ['LT'] } });
    const waived = await preview({ euEligibility: { countries: ['LT'], requireFreeCapacity: false } });
    const small = await preview({ euEligibility: { populationMin: 5_000, populationMax: 20_000 } });
    const lviv = await preview({ hromadaEligibility: { oblasts: [lvivOblast.name] } });

    expect(lithuania.body.euMunicipalities).toEqual({ eligible: 1, total: 4 });
    expect(waived.body.euMunicipalities).toEqual({ eligible: 2, total: 4 });
    expect(small.body.euMunicipalities).toEqual({ eligible: 1, total: 4 });
    expect(lviv.body.hromadas).toEqual({ eligible: 2, total: 3 });
  });

  it('should answer 400 at the field for an impossible population range or an unknown country, and write nothing', async () => {
    const range = await preview({ euEligibility: { populationMin: 10_000, populationMax: 500 } }, 400);
    const country = await preview({ euEligibility: { countries: ['XX'] } }, 400);

    expect(range.body.errors).toEqual([
      { field: 'euEligibility.populationMax', messages: ['must not be less than populationMin'] },
    ]);
    expect(country.body.errors.map((e: { field: string }) => e.field)).toEqual(['euEligibility.countries']);
    // Creating a campaign checks the same rules, so what the preview refuses is never stored.
    const created = await request(app.getHttpServer())
      .post('/campaigns')
      .set(
        'Authorization',
        `Bearer ${await signDevToken({ secret, roles: [Role.MatchingCoordinator], sub: 'c' })}`,
      )
      .send({
        slug: 'reversed',
        name: 'Reversed',
        euEligibility: { populationMin: 10_000, populationMax: 500 },
      })
      .expect(400);
    expect(created.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'euEligibility.populationMax',
    ]);
    expect(await app.get(DataSource).getRepository(CampaignEntity).count()).toBe(0);
  });

  it('should refuse a municipality officer with 403', async () => {
    await preview({}, 403, [Role.MunicipalityOfficer]);
  });
});
