import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { BaseEnv, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { Topics } from '@bridges/contracts';
import { PartnershipEntity } from '../src/partnerships/partnership.entity';
import { MunicipalityProjectionEntity } from '../src/projection/municipality-projection.entity';
import { ProposalEntity } from '../src/proposals/proposal.entity';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile, profileUpdated } from './support/registry-events';
import { registerThroughKafka } from './support/seed-pool';

/**
 * Partnership capacity under concurrency, with two matching instances on one database: however many
 * acceptances race, no municipality gets more live partnerships than its capacity, losers get a 409 with
 * a code, nobody gets a 5xx, and the rows in the database agree.
 */
describe('partnership capacity under concurrent acceptances (two instances, real PostgreSQL)', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let instances: INestApplication[];
  let dataSource: DataSource;
  let secret: string;
  let campaignId: string;

  const eu = euProfile({ partnershipCapacity: 2 });
  const euForHromadaRace = [1, 2, 3].map(() => euProfile({ partnershipCapacity: 5 }));
  const euShrinking = euProfile({ partnershipCapacity: 2 });
  const hromadas = Array.from({ length: 12 }, () => hromadaProfile());
  /** A hromada whose profile states room for one partner. */
  const single = hromadaProfile({ partnershipCapacity: 1 });

  const token = (roles: Role[], municipalityId?: string) =>
    signDevToken({ secret, roles, municipalityId, sub: `user-${municipalityId ?? roles[0]}` });
  const officer = (municipalityId: string) => token([Role.MunicipalityOfficer], municipalityId);
  /** The i-th request goes to instance i mod 2, as a load balancer would spread them. */
  const http = (i: number) => request(instances[i % instances.length].getHttpServer());
  const accept = async (i: number, proposalId: string, municipalityId: string) =>
    http(i)
      .post(`/proposals/${proposalId}/accept`)
      .set('Authorization', `Bearer ${await officer(municipalityId)}`)
      .send({});
  const proposalOf = (hromadaId: string, euMunicipalityId: string, campaign = campaignId) =>
    dataSource
      .getRepository(ProposalEntity)
      .findOneByOrFail({ hromadaId, euMunicipalityId, campaignId: campaign });
  const livePartnerships = (column: 'hromada_id' | 'eu_municipality_id', id: string) =>
    dataSource
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM partnership WHERE ${column} = $1 AND status <> 'ended'`,
        [id],
      )
      .then(([r]) => r.n);
  /** Sends registry records and waits until the projection holds `version` (same transaction as the effects). */
  const applyUpdate = async (profile: MunicipalityProfileV1, changedFields: string[]) => {
    const producer = await rawProducer(testKafkaBrokers());
    try {
      await producer.send({
        topic: `${prefix}${Topics.registry.municipality}`,
        messages: [profileUpdated(profile, changedFields)],
      });
    } finally {
      await producer.close();
    }
    await waitUntil(
      async () =>
        (
          await dataSource
            .getRepository(MunicipalityProjectionEntity)
            .findOneBy({ municipalityId: profile.municipalityId })
        )?.version === profile.version,
      30_000,
      `profile ${profile.municipalityId} at version ${profile.version}`,
    );
  };
  const createCampaign = async (slug: string): Promise<string> => {
    const res = await http(0)
      .post('/campaigns')
      .set('Authorization', `Bearer ${await token([Role.MatchingCoordinator])}`)
      .send({ slug, name: slug, euEligibility: { countries: ['PL'] }, topK: 20 })
      .expect(201);
    return (res.body as { id: string }).id;
  };

  beforeAll(async () => {
    db = await createTestDatabase('matching_capacity');
    await provisionMatchingTopics(prefix);
    const env = matchingTestEnv(db.url, prefix, { MATCHING_POOL_MAX_STALENESS_MS: '0' });
    instances = [
      await startMatchingApp({ ...env, MATCHING_INSTANCE_ID: 'capacity-a' }),
      await startMatchingApp({ ...env, MATCHING_INSTANCE_ID: 'capacity-b' }),
    ];
    dataSource = instances[0].get(DataSource);
    secret = instances[0].get(BaseEnv).AUTH_JWT_SECRET!;
    // Only this file's campaign is active, whatever a migration or seed may have created.
    const coordinator = `Bearer ${await token([Role.MatchingCoordinator])}`;
    const existing = await http(0).get('/campaigns').set('Authorization', coordinator).expect(200);
    const listed = (existing.body.items ?? existing.body) as { id: string; status: string }[];
    for (const c of listed.filter((c) => c.status === 'active'))
      await http(0).post(`/campaigns/${c.id}/close`).set('Authorization', coordinator).expect(200);
    campaignId = await createCampaign('capacity');
    // The EU pool first, so that every hromada is scored against all of it.
    await registerThroughKafka(instances[0], prefix, [eu, ...euForHromadaRace, euShrinking]);
    await registerThroughKafka(instances[0], prefix, [...hromadas, single]);
  }, 120_000);

  afterAll(async () => {
    for (const app of instances ?? []) await app.close();
    await db?.drop();
  });

  describe('POST /proposals/:id/accept', () => {
    it('should establish exactly capacity partnerships and answer 409 to the rest, never 5xx, when twelve EU acceptances for one municipality race', async () => {
      const proposals = await Promise.all(
        hromadas.map((h) => proposalOf(h.municipalityId, eu.municipalityId)),
      );
      for (const [i, p] of proposals.entries()) expect((await accept(i, p.id, p.hromadaId)).status).toBe(200);

      const answers = await Promise.all(proposals.map((p, i) => accept(i, p.id, eu.municipalityId)));

      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      const established = answers.filter((a) => a.status === 200);
      expect(established).toHaveLength(2);
      expect(established.every((a) => a.body.partnership?.euMunicipalityId === eu.municipalityId)).toBe(true);
      const refused = answers.filter((a) => a.status === 409);
      expect(refused).toHaveLength(10);
      for (const r of refused)
        expect(['PROPOSAL_NOT_OPEN', 'PARTNERSHIP_CAPACITY_EXHAUSTED', 'MATCHING_CONTENDED']).toContain(
          r.body.code,
        );
      // The database agrees: two live partnerships, each with its one history row; nothing left open.
      const rows = await dataSource
        .getRepository(PartnershipEntity)
        .findBy({ euMunicipalityId: eu.municipalityId });
      expect(rows).toHaveLength(2);
      expect(await livePartnerships('eu_municipality_id', eu.municipalityId)).toBe(2);
      const [history] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM partnership_transition WHERE partnership_id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      expect(history.n).toBe(2);
      const byStatus = await dataSource.query<{ status: string; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM proposal WHERE eu_municipality_id = $1 GROUP BY status ORDER BY status`,
        [eu.municipalityId],
      );
      expect(byStatus).toEqual([
        { status: 'accepted', n: 2 },
        { status: 'withdrawn', n: 11 },
      ]);
    });

    it('should establish one partnership and answer 409 to the others when a hromada with room for one accepts three proposals at once', async () => {
      const proposals = await Promise.all(
        euForHromadaRace.map((e) => proposalOf(single.municipalityId, e.municipalityId)),
      );
      for (const [i, p] of proposals.entries())
        expect((await accept(i, p.id, p.euMunicipalityId)).status).toBe(200);

      const answers = await Promise.all(proposals.map((p, i) => accept(i, p.id, single.municipalityId)));

      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      expect(await livePartnerships('hromada_id', single.municipalityId)).toBe(1);
      const open = await dataSource
        .getRepository(ProposalEntity)
        .countBy({ hromadaId: single.municipalityId, status: 'open' });
      expect(open).toBe(0);
    });

    it('should establish one partnership for a pair whose proposals in two campaigns are accepted at once', async () => {
      const second = await createCampaign('capacity-second');
      const hromada = hromadas[11];
      // A material change re-matches the hromada in every active campaign, the new one included.
      await applyUpdate({ ...hromada, version: 2, priorities: ['tourism', 'culture'] }, ['priorities']);
      const pair = await Promise.all(
        [campaignId, second].map((c) => proposalOf(hromada.municipalityId, euShrinking.municipalityId, c)),
      );
      for (const [i, p] of pair.entries()) expect((await accept(i, p.id, p.hromadaId)).status).toBe(200);

      const answers = await Promise.all(pair.map((p, i) => accept(i, p.id, euShrinking.municipalityId)));

      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(
        await dataSource.getRepository(PartnershipEntity).countBy({
          hromadaId: hromada.municipalityId,
          euMunicipalityId: euShrinking.municipalityId,
        }),
      ).toBe(1);
    });

    it('should refuse an acceptance kept open past a capacity cut with 409 until a partnership ends, and establish it then', async () => {
      // euShrinking has one live partnership (previous test). A hromada accepts one more of its proposals.
      const waiting = await proposalOf(hromadas[10].municipalityId, euShrinking.municipalityId);
      expect((await accept(0, waiting.id, waiting.hromadaId)).status).toBe(200);
      // The registry cuts its capacity to one: it is full, its proposals are withdrawn except the one a side accepted.
      await applyUpdate({ ...euShrinking, version: 2, partnershipCapacity: 1 }, ['partnershipCapacity']);
      expect((await proposalOf(waiting.hromadaId, euShrinking.municipalityId)).status).toBe('open');

      const full = await accept(1, waiting.id, euShrinking.municipalityId);
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('PARTNERSHIP_CAPACITY_EXHAUSTED');
      expect(await proposalOf(waiting.hromadaId, euShrinking.municipalityId)).toMatchObject({
        status: 'open',
        euDecision: null,
      });

      const [live] = await dataSource
        .getRepository(PartnershipEntity)
        .findBy({ euMunicipalityId: euShrinking.municipalityId, status: 'established' });
      const coordinator = `Bearer ${await token([Role.MatchingCoordinator])}`;
      const step = (status: string) =>
        http(0)
          .post(`/partnerships/${live.id}/status`)
          .set('Authorization', coordinator)
          .send({ status })
          .expect(200);
      // A dormant partnership still holds its slot.
      await step('active');
      await step('dormant');
      expect((await accept(0, waiting.id, euShrinking.municipalityId)).body.code).toBe(
        'PARTNERSHIP_CAPACITY_EXHAUSTED',
      );
      // An ended one frees it.
      await step('ended');
      const established = await accept(1, waiting.id, euShrinking.municipalityId);
      expect(established.status).toBe(200);
      expect(established.body.partnership).toMatchObject({
        hromadaId: waiting.hromadaId,
        status: 'established',
      });
      expect(await livePartnerships('eu_municipality_id', euShrinking.municipalityId)).toBe(1);
    });
  });
});
