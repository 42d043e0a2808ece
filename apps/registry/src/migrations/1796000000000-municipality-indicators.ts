import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Profiles keep the socio-economic indicators the import brings from official statistics (`IndicatorsV1`). */
export class MunicipalityIndicators1796000000000 implements MigrationInterface {
  name = 'MunicipalityIndicators1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality" ADD "indicators" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality" DROP COLUMN "indicators"`);
  }
}
