import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { BackfillWorker } from '../src/proposals/backfill.worker';
import { ProposalEntity } from '../src/proposals/proposal.entity';
import { insertDemoCampaign } from './support/demo-campaign';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile } from './support/registry-events';
import { registerThroughKafka } from './support/seed-pool';

describe(BackfillWorker.name, () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('matching_backfill');
    await provisionMatchingTopics(prefix);
    app = await startMatchingApp(matchingTestEnv(db.url, prefix));
    dataSource = app.get(DataSource);
    // No migration seeds a campaign: without an active one a sweep has nothing to propose in.
    await insertDemoCampaign(dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('sweepOnce', () => {
    it('should propose for hromadas registered before the EU pool when the pool arrives, and only once', async () => {
      const hromadas = [hromadaProfile(), hromadaProfile()];
      await registerThroughKafka(app, prefix, hromadas);
      expect(await dataSource.getRepository(ProposalEntity).count()).toBe(0);
      await registerThroughKafka(
        app,
        prefix,
        Array.from({ length: 5 }, () => euProfile()),
      );
      const worker = app.get(BackfillWorker);

      const [first, second] = await Promise.all([worker.sweepOnce(), worker.sweepOnce()]);

      // Five EU candidates each (fewer than top-k): ten proposals in all, whichever sweep made them.
      expect(first + second).toBe(10);
      for (const h of hromadas) {
        expect(
          await dataSource
            .getRepository(ProposalEntity)
            .countBy({ hromadaId: h.municipalityId, status: 'open' }),
        ).toBe(5);
      }
      expect(await worker.sweepOnce()).toBe(0);
    });
  });
});
