import { DataSource } from 'typeorm';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from '../src/database/logistics.database';

describe('logistics database schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('logistics_drift');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'logistics-drift',
        entities: LOGISTICS_ENTITIES,
        migrations: LOGISTICS_MIGRATIONS,
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

  describe('ck_aid_request_line_pledged', () => {
    it('should refuse a line pledged beyond its quantity, whatever code writes it', async () => {
      await dataSource.query(
        `INSERT INTO aid_request_line (id, request_id, line_no, item, category, unit, quantity)
         VALUES ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 1, 'x', 'food', 'KGM', 10)`,
      );
      await expect(
        dataSource.query(`UPDATE aid_request_line SET pledged = 11 WHERE line_no = 1`),
      ).rejects.toThrow(/ck_aid_request_line_pledged/);
    });
  });

  describe('receipt', () => {
    it('should refuse a second receipt for one shipment', async () => {
      const insert = (id: string) =>
        dataSource.query(
          `INSERT INTO receipt (id, shipment_id, received_at, has_discrepancies, recorded_by)
           VALUES ($1, '33333333-3333-4333-8333-333333333333', now(), false, 'test')`,
          [id],
        );
      await insert('44444444-4444-4444-8444-444444444441');
      await expect(insert('44444444-4444-4444-8444-444444444442')).rejects.toThrow(/duplicate key/);
    });
  });
});
