import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The projection keeps the socio-economic indicators of a profile (`IndicatorsV1`) for scoring. */
export class ProjectionIndicators1796000000000 implements MigrationInterface {
  name = 'ProjectionIndicators1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality_projection" ADD "indicators" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality_projection" DROP COLUMN "indicators"`);
  }
}
