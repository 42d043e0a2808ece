import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Category totals gained the declared value per currency (totals.rules.ts): adds it for the shipments
 * delivered before, as delivery would have — each category a shipment carried gets its whole value, in
 * the periods all, year and month of delivery (UTC). Rows already there are left alone (never counted twice).
 */
export class CategoryValueTotals1797000000200 implements MigrationInterface {
  name = 'CategoryValueTotals1797000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "aid_total" ("dimension", "dimension_key", "period", "measure", "unit", "amount")
       SELECT 'category', c."category", p."period", 'value', s."currency", sum(s."value_minor")
         FROM "shipment" s
         JOIN (SELECT DISTINCT "shipment_id", "category" FROM "shipment_line") c ON c."shipment_id" = s."id"
        CROSS JOIN LATERAL (VALUES ('all'),
                                   (to_char(s."delivered_at" AT TIME ZONE 'UTC', 'YYYY')),
                                   (to_char(s."delivered_at" AT TIME ZONE 'UTC', 'YYYY-MM'))) p("period")
        WHERE s."delivered_at" IS NOT NULL AND s."value_minor" IS NOT NULL AND s."currency" IS NOT NULL
        GROUP BY c."category", p."period", s."currency"
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "aid_total" WHERE "dimension" = 'category' AND "measure" = 'value'`);
  }
}
