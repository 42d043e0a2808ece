import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's tables: the profile projection, campaigns, proposals (never two open ones per pair),
 * partnerships with their history, and global rounds. Drafted with findSchemaDrift from the entities.
 */
export class CreateMatchingTables1764403200000 implements MigrationInterface {
  name = 'CreateMatchingTables1764403200000';

  async up(q: QueryRunner): Promise<void> {
    // Shared by the projection and partnerships: its maximum tells each instance the EU pool changed.
    await q.query(`CREATE SEQUENCE "matching_pool_seq"`);
    await q.query(
      `CREATE TABLE "municipality_projection" ("municipality_id" uuid NOT NULL, "kind" text NOT NULL, "version" integer NOT NULL, "active" boolean NOT NULL, "country" text NOT NULL, "official_code" text NOT NULL, "name_latin" text NOT NULL, "name_native" text NOT NULL, "region_name" text NOT NULL, "settlement_type" text NOT NULL, "population" integer, "area_km2" double precision, "lat" double precision, "lon" double precision, "sectors" text array NOT NULL, "needs" text array NOT NULL, "offers" text array NOT NULL, "priorities" text array NOT NULL, "working_languages" text array NOT NULL, "partnership_capacity" integer, "international_partner_count" integer NOT NULL, "hosts_displaced_people" boolean NOT NULL, "damaged" boolean NOT NULL, "formerly_occupied" boolean NOT NULL, "seeking_partner" boolean NOT NULL, "pool_seq" bigint NOT NULL DEFAULT nextval('matching_pool_seq'), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0799ea242e86a5a4bc9cbbee78a" PRIMARY KEY ("municipality_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_municipality_projection_pool" ON "municipality_projection" ("kind", "pool_seq")`,
    );
    await q.query(
      `CREATE TABLE "campaign" ("id" uuid NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "eu_eligibility" jsonb NOT NULL, "hromada_eligibility" jsonb NOT NULL, "weights" jsonb NOT NULL, "top_k" integer NOT NULL, "max_new_partners_per_hromada_per_round" integer NOT NULL, "candidates_per_hromada" integer NOT NULL, "candidates_per_eu_municipality" integer NOT NULL, "min_score" double precision NOT NULL, "distance_half_score_km" double precision NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ee60fb10f0a4594d3ecb1b580f5" UNIQUE ("slug"), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "proposal" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "eu_municipality_id" uuid NOT NULL, "score" double precision NOT NULL, "rank" integer NOT NULL, "mode" text NOT NULL, "round_id" uuid, "factors" jsonb NOT NULL, "status" text NOT NULL, "hromada_decision" text, "hromada_decided_by" text, "eu_decision" text, "eu_decided_by" text, "closed_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_proposal_campaign_status" ON "proposal" ("campaign_id", "status", "created_at")`,
    );
    await q.query(`CREATE INDEX "ix_proposal_eu" ON "proposal" ("eu_municipality_id", "status")`);
    await q.query(`CREATE INDEX "ix_proposal_hromada" ON "proposal" ("hromada_id", "status")`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_proposal_round_pair" ON "proposal" ("round_id", "hromada_id", "eu_municipality_id") WHERE "round_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_proposal_open_pair" ON "proposal" ("campaign_id", "hromada_id", "eu_municipality_id") WHERE "status" = 'open'`,
    );
    await q.query(
      `CREATE TABLE "partnership" ("id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "eu_municipality_id" uuid NOT NULL, "status" text NOT NULL, "track" text NOT NULL, "established_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "pool_seq" bigint NOT NULL DEFAULT nextval('matching_pool_seq'), CONSTRAINT "UQ_3ead4f927d231bb80ec9bd38e9a" UNIQUE ("proposal_id"), CONSTRAINT "PK_f1bf1be9f475497d8b396d4cc56" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_partnership_status" ON "partnership" ("status", "established_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_partnership_live_pair" ON "partnership" ("hromada_id", "eu_municipality_id") WHERE "status" <> 'ended'`,
    );
    await q.query(
      `CREATE TABLE "partnership_transition" ("id" BIGSERIAL NOT NULL, "partnership_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "track" text NOT NULL, "changed_by" text NOT NULL, "reason" text, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0ac69956f5b128c54c189347e8c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_partnership_transition_partnership" ON "partnership_transition" ("partnership_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "matching_round" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "status" text NOT NULL, "phase" text NOT NULL, "done" integer NOT NULL, "total" integer NOT NULL, "requested_by" text NOT NULL, "claimed_by" text, "attempt" integer NOT NULL, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "hromada_count" integer, "eu_count" integer, "proposal_count" integer, "total_score" double precision, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_31d683248a8b4e1bf7afb784c94" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_matching_round_claimable" ON "matching_round" ("status", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "matching_round"`);
    await q.query(`DROP TABLE "partnership_transition"`);
    await q.query(`DROP TABLE "partnership"`);
    await q.query(`DROP TABLE "proposal"`);
    await q.query(`DROP TABLE "campaign"`);
    await q.query(`DROP TABLE "municipality_projection"`);
    await q.query(`DROP SEQUENCE "matching_pool_seq"`);
  }
}
