import { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '../src';

describe('migrations on real PostgreSQL', () => {
  let db: TestDatabase;
  const dataSources: DataSource[] = [];
  const open = async () => {
    const dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'persistence-test',
        entities: MESSAGING_ENTITIES,
        migrations: MESSAGING_MIGRATIONS,
      }),
    ).initialize();
    dataSources.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    db = await createTestDatabase('persistence');
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((d) => d.destroy()));
    await db.drop();
  });

  describe(runMigrationsUnderLock.name, () => {
    it('should apply each migration exactly once when several instances boot at the same time', async () => {
      const instances = await Promise.all([open(), open(), open()]);
      const applied = await Promise.all(instances.map((d) => runMigrationsUnderLock(d)));
      expect(applied.map((list) => list.length).sort()).toEqual([0, 0, MESSAGING_MIGRATIONS.length]);
      const rows = await instances[0].query<{ name: string }[]>('SELECT name FROM typeorm_migrations');
      expect(rows.map((r) => r.name)).toEqual(MESSAGING_MIGRATIONS.map((m) => m.name));
    });
  });

  describe(findSchemaDrift.name, () => {
    it('should find no drift when the messaging migrations have run', async () => {
      expect(await findSchemaDrift(await open())).toEqual([]);
    });

    it('should report the SQL that is missing when an entity and its table disagree', async () => {
      const dataSource = await open();
      await dataSource.query('ALTER TABLE consumer_attempt DROP COLUMN last_error');
      const drift = await findSchemaDrift(dataSource);
      expect(drift.join('\n')).toMatch(/ALTER TABLE "consumer_attempt" ADD "last_error" text NOT NULL/);
    });
  });
});
