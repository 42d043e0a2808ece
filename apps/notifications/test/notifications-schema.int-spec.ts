import { DataSource } from 'typeorm';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../src/database/notifications.database';

describe('notifications database schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('notifications_schema');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'notifications-schema-test',
        entities: NOTIFICATIONS_ENTITIES,
        migrations: NOTIFICATIONS_MIGRATIONS,
      }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('migrations', () => {
    it('should leave no difference between entities and tables when every migration has run', async () => {
      await runMigrationsUnderLock(dataSource);
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    });

    it('should revert cleanly when the notifications migrations are undone', async () => {
      await dataSource.undoLastMigration(); // proposal outcomes
      await dataSource.undoLastMigration(); // event reminders
      await dataSource.undoLastMigration(); // event notifications
      await dataSource.undoLastMigration(); // the notifications tables
      const [row] = await dataSource.query<Array<{ n: string }>>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('delivery', 'recipient', 'webhook_subscription', 'event_projection', 'event_participant', 'proposal_outcome')`,
      );
      expect(Number(row.n)).toBe(0);
      await dataSource.runMigrations();
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    });
  });
});
