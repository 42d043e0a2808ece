import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import { createTestDatabase, uniqueTopicPrefix, waitUntil, type TestDatabase } from '@bridges/testing';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { MatchingEnv } from '../src/config/matching.env';
import { MunicipalityProjectionEntity } from '../src/projection/municipality-projection.entity';
import { toProjectionRow } from '../src/projection/profile.mapper';
import { EuPoolCache } from '../src/proposals/eu-pool.cache';
import { ProposalWriter } from '../src/proposals/proposal.writer';
import { MatchingRoundEntity } from '../src/rounds/matching-round.entity';
import { RoundComputation } from '../src/rounds/round-computation';
import { RoundRunner } from '../src/rounds/round.runner';
import { RoundWorker } from '../src/rounds/round.worker';
import { RoundsService } from '../src/rounds/rounds.service';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile } from './support/registry-events';

/** Big enough that scoring takes seconds on one core, as a round at the full EU pool does. */
const EU_POOL = 12_000;
const HROMADAS = 500;
const SECTORS = ['water-supply', 'education', 'healthcare', 'energy', 'culture', 'tourism', 'transport'];

/** Varied profiles: identical ones would let the scorer's bounds skip most of the work. */
function variedProfiles(): MunicipalityProfileV1[] {
  const sector = (i: number) => ({ sector: SECTORS[i % SECTORS.length] });
  return [
    ...Array.from({ length: EU_POOL }, (_, i) =>
      euProfile({
        population: 500 + ((i * 7919) % 60_000),
        location: { lat: 36 + ((i * 31) % 3_000) / 100, lon: -9 + ((i * 17) % 4_000) / 100 },
        offers: [sector(i), sector(i * 3 + 1)],
        partnershipCapacity: 1 + (i % 3),
      }),
    ),
    ...Array.from({ length: HROMADAS }, (_, i) =>
      hromadaProfile({
        population: 1_000 + ((i * 104_729) % 80_000),
        location: { lat: 45 + ((i * 13) % 700) / 100, lon: 22 + ((i * 29) % 1_600) / 100 },
        needs: [sector(i), sector(i * 5 + 2)],
      }),
    ),
  ];
}

/** Writes projection rows in bulk, as the consumer would one by one (the round reads only these). */
async function seedProjection(dataSource: DataSource, profiles: MunicipalityProfileV1[]): Promise<void> {
  for (let i = 0; i < profiles.length; i += 1_000) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(MunicipalityProjectionEntity)
      .values(
        profiles.slice(i, i + 1_000).map((p) => ({
          ...toProjectionRow(p),
          poolSeq: () => "nextval('matching_pool_seq')",
          updatedAt: () => 'now()',
        })),
      )
      .execute();
  }
}

/**
 * A global round runs on a worker thread: while it scores the pool, the instance's event loop stays
 * free, so HTTP (and the health probes), the Kafka consumer's heartbeats and the lease renewal keep
 * going. On the main thread, the round's progress could not be written (nor health answered) until
 * the whole computation had finished.
 */
describe(`${RoundComputation.name} (global round off the main thread)`, () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('matching_round_thread');
    await provisionMatchingTopics(prefix);
    // The app's own worker never polls here: the test drives one instance by hand.
    app = await startMatchingApp(
      matchingTestEnv(db.url, prefix, { MATCHING_ROUND_POLL_INTERVAL_MS: '3600000' }),
    );
    dataSource = app.get(DataSource);
    await seedProjection(dataSource, variedProfiles());
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('should answer health checks while a round is being computed and complete the round afterwards', async () => {
    const campaign = await app
      .get(CampaignsService)
      .create({ slug: 'everyone', name: 'All EU municipalities' });
    const round = await app
      .get(RoundsService)
      .request({ sub: 'coordinator-1', roles: [Role.MatchingCoordinator] }, campaign.id);
    const env = app.get(MatchingEnv);
    const runner = new RoundRunner(
      dataSource,
      app.get(EuPoolCache),
      app.get(ProposalWriter),
      app.get(OutboxWriter),
      env,
      app.get(RoundComputation),
    );
    const roundRow = () => dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: round.id });

    const running = new RoundWorker(dataSource, runner, env).runOnce();
    // Progress written half-way through scoring: only possible while the computation is elsewhere.
    await waitUntil(
      async () => {
        const r = await roundRow();
        return r.phase === 'candidates' && r.done > 0 && r.done < r.total;
      },
      60_000,
      'progress written half-way through scoring',
    );
    const health = await request(app.getHttpServer()).get('/health/live');
    const afterHealth = await roundRow();

    expect(health.status).toBe(200);
    expect(afterHealth.status).toBe('running');
    expect(afterHealth.phase).not.toBe('done');
    expect(await running).toBe(true);
    expect(await roundRow()).toMatchObject({ status: 'completed', hromadaCount: HROMADAS });
    expect((await roundRow()).proposalCount).toBeGreaterThan(0);
  });
});
