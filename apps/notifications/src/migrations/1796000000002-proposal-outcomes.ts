import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposal outcomes (decided, withdrawn, turned into a partnership), so digests leave out what is no
 * longer open; and on each pending proposal the digest that took it, or why it was dropped.
 */
export class ProposalOutcomes1796000000002 implements MigrationInterface {
  name = 'ProposalOutcomes1796000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "proposal_outcome" ("proposal_id" uuid NOT NULL, "hromada_decision" text, "eu_decision" text, "withdrawn" boolean NOT NULL DEFAULT false, "partnership_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_proposal_outcome" PRIMARY KEY ("proposal_id"))`,
    );
    await q.query(`ALTER TABLE "pending_proposal" ADD "digest_id" text`);
    await q.query(`ALTER TABLE "pending_proposal" ADD "dropped_reason" text`);
    await q.query(`CREATE INDEX "ix_pending_proposal_proposal" ON "pending_proposal" ("proposal_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_pending_proposal_proposal"`);
    await q.query(`ALTER TABLE "pending_proposal" DROP COLUMN "dropped_reason"`);
    await q.query(`ALTER TABLE "pending_proposal" DROP COLUMN "digest_id"`);
    await q.query(`DROP TABLE "proposal_outcome"`);
  }
}
