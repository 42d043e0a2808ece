import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnerships formed before or outside Bridges, recorded by a coordinator: `origin` says how a partnership
 * came here, and a recorded one has no proposal or campaign (the check keeps every other one having both).
 */
export class RecordedPartnerships1797000000000 implements MigrationInterface {
  name = 'RecordedPartnerships1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "partnership" ADD "origin" text NOT NULL DEFAULT 'matching'`);
    await q.query(`ALTER TABLE "partnership" ADD "note" text`);
    await q.query(`ALTER TABLE "partnership" ALTER COLUMN "proposal_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "partnership" ALTER COLUMN "campaign_id" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "partnership" ADD CONSTRAINT "ck_partnership_origin" CHECK ("origin" = 'recorded' OR ("origin" = 'matching' AND "proposal_id" IS NOT NULL AND "campaign_id" IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "partnership_transition" t USING "partnership" p WHERE t."partnership_id" = p."id" AND p."origin" = 'recorded'`,
    );
    await q.query(`DELETE FROM "partnership" WHERE "origin" = 'recorded'`);
    await q.query(`ALTER TABLE "partnership" DROP CONSTRAINT "ck_partnership_origin"`);
    await q.query(`ALTER TABLE "partnership" ALTER COLUMN "campaign_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "partnership" ALTER COLUMN "proposal_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "partnership" DROP COLUMN "note"`);
    await q.query(`ALTER TABLE "partnership" DROP COLUMN "origin"`);
  }
}
