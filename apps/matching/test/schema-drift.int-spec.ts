import { DataSource } from 'typeorm';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { DEMO_CAMPAIGN_ID } from '../src/campaigns/demo-campaign';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../src/database/matching.database';
import { insertDemoCampaign } from './support/demo-campaign';

describe('matching database schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('matching_drift');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'matching-drift',
        entities: MATCHING_ENTITIES,
        migrations: MATCHING_MIGRATIONS,
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('findSchemaDrift', () => {
    it('should find no difference between entities and migrations when all migrations ran', async () => {
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    });
  });

  describe('SeedDemoCampaign1764403200001 (retired)', () => {
    it('should leave no campaign when migrations ran (demo data belongs to the demo seed)', async () => {
      expect(await dataSource.query('SELECT id FROM campaign')).toEqual([]);
    });
  });

  describe('ux_proposal_open_pair', () => {
    it('should refuse a second open proposal for the same pair when one is open', async () => {
      await insertDemoCampaign(dataSource);
      const insert = (id: string, status: string) =>
        dataSource.query(
          `INSERT INTO proposal (id, campaign_id, hromada_id, eu_municipality_id, score, rank, mode, factors, status)
           VALUES ($1, $2, '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 0.5, 1, 'incremental', '[]', $3)`,
          [id, DEMO_CAMPAIGN_ID, status],
        );
      await insert('33333333-3333-4333-8333-333333333331', 'open');
      await insert('33333333-3333-4333-8333-333333333332', 'declined');
      await expect(insert('33333333-3333-4333-8333-333333333333', 'open')).rejects.toThrow(
        /ux_proposal_open_pair/,
      );
    });
  });
});
