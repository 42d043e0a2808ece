import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { DEMO_CAMPAIGN_ID } from '../src/campaigns/demo-campaign';
import { MatchingEnv } from '../src/config/matching.env';
import { EuPoolCache } from '../src/proposals/eu-pool.cache';
import { ProposalEntity } from '../src/proposals/proposal.entity';
import { ProposalWriter } from '../src/proposals/proposal.writer';
import { MatchingRoundEntity } from '../src/rounds/matching-round.entity';
import { RoundComputation } from '../src/rounds/round-computation';
import { RoundRunner } from '../src/rounds/round.runner';
import { RoundWorker } from '../src/rounds/round.worker';
import { RoundsService } from '../src/rounds/rounds.service';
import { insertDemoCampaign } from './support/demo-campaign';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile } from './support/registry-events';
import { registerThroughKafka } from './support/seed-pool';

const coordinator = { sub: 'coordinator-1', roles: [Role.MatchingCoordinator] };

/** Global rounds across instances: one claim per attempt, takeover after a crash, stale attempts write nothing. */
describe(RoundWorker.name, () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let rounds: RoundsService;

  /** A worker as another instance would run it: same database, its own instance id. */
  const instance = (id: string): { worker: RoundWorker; runner: RoundRunner } => {
    const env = Object.assign(Object.create(MatchingEnv.prototype) as MatchingEnv, app.get(MatchingEnv), {
      MATCHING_INSTANCE_ID: id,
    });
    const runner = new RoundRunner(
      dataSource,
      app.get(EuPoolCache),
      app.get(ProposalWriter),
      app.get(OutboxWriter),
      env,
      app.get(RoundComputation),
    );
    return { worker: new RoundWorker(dataSource, runner, env), runner };
  };
  const roundRow = (id: string) => dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id });
  const roundProposals = (roundId: string) => dataSource.getRepository(ProposalEntity).countBy({ roundId });

  beforeAll(async () => {
    db = await createTestDatabase('matching_rounds');
    await provisionMatchingTopics(prefix);
    // The app's own worker never polls here: the tests drive the instances by hand.
    app = await startMatchingApp(
      matchingTestEnv(db.url, prefix, { MATCHING_ROUND_POLL_INTERVAL_MS: '3600000' }),
    );
    dataSource = app.get(DataSource);
    rounds = app.get(RoundsService);
    await insertDemoCampaign(dataSource);
    // Hromadas that do not seek a partner get no incremental proposals; the round sees only seekers, so flip them after.
    const hromadas = Array.from({ length: 12 }, () => hromadaProfile({ seekingPartner: false }));
    await registerThroughKafka(app, prefix, [
      ...Array.from({ length: 8 }, () => euProfile({ partnershipCapacity: 1 })),
      ...hromadas,
    ]);
    await dataSource.query(
      `UPDATE municipality_projection SET seeking_partner = true WHERE kind = 'hromada'`,
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('runOnce', () => {
    it('should let exactly one of two instances claim and complete a round when both poll at once', async () => {
      const round = await rounds.request(coordinator, DEMO_CAMPAIGN_ID);
      const [a, b] = [instance('instance-a'), instance('instance-b')];

      const claimed = await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);

      expect(claimed.filter(Boolean)).toHaveLength(1);
      const done = await roundRow(round.id);
      expect(done).toMatchObject({ status: 'completed', attempt: 1, phase: 'done' });
      expect(['instance-a', 'instance-b']).toContain(done.claimedBy);
      // 8 EU municipalities with one slot each, 12 hromadas with at most one new partner: 8 pairs.
      expect(done.proposalCount).toBe(8);
      // The proof of quality the console shows beside the total: no assignment totals more than the bound.
      expect(done.upperBound).not.toBeNull();
      expect(done.upperBound!).toBeGreaterThanOrEqual(done.totalScore! - 1e-9);
      expect(await roundProposals(round.id)).toBe(8);
      expect(await Promise.all([a.worker.runOnce(), b.worker.runOnce()])).toEqual([false, false]);
    });

    it('should reclaim a round whose claimant crashed when its lease expired and write the result once', async () => {
      const round = await rounds.request(coordinator, DEMO_CAMPAIGN_ID);
      await dataSource.query(
        `UPDATE matching_round SET status = 'running', claimed_by = 'crashed-instance', attempt = 1, lease_expires_at = now() - interval '1 second' WHERE id = $1`,
        [round.id],
      );

      expect(await instance('instance-c').worker.runOnce()).toBe(true);

      expect(await roundRow(round.id)).toMatchObject({
        status: 'completed',
        attempt: 2,
        claimedBy: 'instance-c',
      });
      const count = await roundProposals(round.id);
      expect(count).toBe((await roundRow(round.id)).proposalCount);
    });

    it('should not touch a running round whose lease is still valid', async () => {
      const round = await rounds.request(coordinator, DEMO_CAMPAIGN_ID);
      await dataSource.query(
        `UPDATE matching_round SET status = 'running', claimed_by = 'busy-instance', attempt = 1, lease_expires_at = now() + interval '1 hour' WHERE id = $1`,
        [round.id],
      );

      expect(await instance('instance-d').worker.runOnce()).toBe(false);

      expect(await roundRow(round.id)).toMatchObject({ status: 'running', claimedBy: 'busy-instance' });
      await dataSource.query(`UPDATE matching_round SET status = 'failed' WHERE id = $1`, [round.id]);
    });
  });

  describe(`${RoundRunner.name}.run`, () => {
    it('should write nothing when another instance took the round over during the computation', async () => {
      const round = await rounds.request(coordinator, DEMO_CAMPAIGN_ID);
      await dataSource.query(
        `UPDATE matching_round SET status = 'running', claimed_by = 'slow-instance', attempt = 1, lease_expires_at = now() + interval '1 minute' WHERE id = $1`,
        [round.id],
      );
      const stale = await roundRow(round.id);
      // The lease expired and instance-e took over (attempt 2) while slow-instance was still computing.
      await dataSource.query(
        `UPDATE matching_round SET claimed_by = 'instance-e', attempt = 2 WHERE id = $1`,
        [round.id],
      );

      await instance('slow-instance').runner.run(stale);

      expect(await roundProposals(round.id)).toBe(0);
      expect(await roundRow(round.id)).toMatchObject({
        status: 'running',
        claimedBy: 'instance-e',
        attempt: 2,
      });
    });
  });
});
