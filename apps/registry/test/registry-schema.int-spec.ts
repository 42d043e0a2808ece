import { DataSource } from 'typeorm';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../src/database/registry.database';

describe('registry schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('registry_schema');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'registry-schema-test',
        entities: REGISTRY_ENTITIES,
        migrations: REGISTRY_MIGRATIONS,
      }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe(findSchemaDrift.name, () => {
    it('should find no difference between the entities and the migrations when all migrations have run', async () => {
      await runMigrationsUnderLock(dataSource);
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    });
  });

  describe('migrations', () => {
    it('should revert every registry migration cleanly when run down', async () => {
      for (let i = 0; i < REGISTRY_MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      const tables: { table_name: string }[] = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
      );
      expect(tables).toEqual([]);
    });
  });
});
