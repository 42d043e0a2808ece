import { DataSource } from 'typeorm';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from '../src/database/logistics.database';
import { CategoryValueTotals1797000000200 } from '../src/migrations/1797000000200-category-value-totals';

/** Shipments delivered before category totals had a value get it from the migration, once. */
describe('CategoryValueTotals1797000000200 (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  const shipment = (id: string, reference: string, deliveredAt: string | null, value: number | null) =>
    dataSource.query(
      `INSERT INTO shipment (id, reference, request_id, hromada_id, eu_municipality_id, status, packages,
                             gross_weight_kg, value_minor, currency, documents, version, created_by, created_at, delivered_at)
       VALUES ($1, $2, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'delivered', 1, 100, $3,
               $4, '[]', 1, 'test', now(), $5)`,
      [id, reference, value, value === null ? null : 'EUR', deliveredAt],
    );
  const line = (shipmentId: string, lineNo: number, category: string) =>
    dataSource.query(
      `INSERT INTO shipment_line (shipment_id, line_no, request_line_id, item, category, unit, quantity)
       VALUES ($1, $2, gen_random_uuid(), 'x', $3, 'KGM', 10)`,
      [shipmentId, lineNo, category],
    );
  const categoryValues = () =>
    dataSource.query<{ dimension_key: string; period: string; unit: string; amount: string }[]>(
      `SELECT dimension_key, period, unit, amount FROM aid_total
        WHERE dimension = 'category' AND measure = 'value' ORDER BY dimension_key, period`,
    );

  beforeAll(async () => {
    db = await createTestDatabase('logistics_category_value');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'logistics-category-value',
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

  it('should add each delivered shipment’s value to every category it carried, per period, and nothing twice', async () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    const undelivered = '33333333-3333-4333-8333-333333333333';
    await shipment(a, 'BR-2026-000001-X', '2026-03-20T10:00:00Z', 10_000_000);
    await line(a, 1, 'energy');
    await line(a, 2, 'energy');
    await line(a, 3, 'medical');
    await shipment(b, 'BR-2026-000002-X', '2026-04-02T10:00:00Z', 500);
    await line(b, 1, 'energy');
    await shipment(undelivered, 'BR-2026-000003-X', null, 7);
    await line(undelivered, 1, 'food');
    const migration = new CategoryValueTotals1797000000200();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const rows = (await categoryValues()).map((r) => [r.dimension_key, r.period, r.unit, Number(r.amount)]);
    expect(rows).toEqual([
      ['energy', '2026', 'EUR', 10_000_500],
      ['energy', '2026-03', 'EUR', 10_000_000],
      ['energy', '2026-04', 'EUR', 500],
      ['energy', 'all', 'EUR', 10_000_500],
      ['medical', '2026', 'EUR', 10_000_000],
      ['medical', '2026-03', 'EUR', 10_000_000],
      ['medical', 'all', 'EUR', 10_000_000],
    ]);
  });
});
