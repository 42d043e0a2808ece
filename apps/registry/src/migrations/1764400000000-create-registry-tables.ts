import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Municipality profiles, associations and their keys, and the ingest replay/dedupe tables. */
export class CreateRegistryTables1764400000000 implements MigrationInterface {
  name = 'CreateRegistryTables1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "association_api_key" ("id" text NOT NULL, "association_id" uuid NOT NULL, "secret_sha256" text NOT NULL, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f86f3ea155416e7112d08626fb7" PRIMARY KEY ("id"));`,
    );
    await q.query(
      `CREATE INDEX "ix_association_api_key_association" ON "association_api_key" ("association_id") ;`,
    );
    await q.query(
      `CREATE TABLE "association" ("id" uuid NOT NULL, "name" text NOT NULL, "country" character(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c770cfef7a1f66da23be411699" PRIMARY KEY ("id"));`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_association_name" ON "association" ("name") ;`);
    await q.query(
      `CREATE TABLE "ingest_receipt" ("association_id" uuid NOT NULL, "source_event_id" text NOT NULL, "event_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6cdf50f6e63e9b25b15ce438552" PRIMARY KEY ("association_id", "source_event_id"));`,
    );
    await q.query(
      `CREATE TABLE "ingest_signature" ("key_id" text NOT NULL, "signature" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_075487c78fb6005c48d508a4a0d" PRIMARY KEY ("key_id", "signature"));`,
    );
    await q.query(`CREATE INDEX "ix_ingest_signature_expires_at" ON "ingest_signature" ("expires_at") ;`);
    await q.query(
      `CREATE TABLE "municipality" ("id" uuid NOT NULL, "version" integer NOT NULL, "kind" text NOT NULL, "country" character(2) NOT NULL, "official_code" text NOT NULL, "name_native" text NOT NULL, "name_latin" text NOT NULL, "region_code" text, "region_name" text NOT NULL, "settlement_type" text NOT NULL, "population" integer, "population_year" smallint, "area_km2" double precision, "latitude" double precision, "longitude" double precision, "sectors" text array NOT NULL DEFAULT '{}', "needs" jsonb NOT NULL DEFAULT '[]', "offers" jsonb NOT NULL DEFAULT '[]', "priorities" text array NOT NULL DEFAULT '{}', "working_languages" text array NOT NULL DEFAULT '{}', "partnership_capacity" smallint, "international_partners" text array NOT NULL DEFAULT '{}', "war_impact" jsonb, "seeking_partner" boolean NOT NULL, "association_id" uuid, "contacts" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "deactivation_reason" text, "search_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id"));`,
    );
    await q.query(
      `CREATE INDEX "ix_municipality_country_region" ON "municipality" ("country", "region_code") ;`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_municipality_country_official_code" ON "municipality" ("country", "official_code") ;`,
    );
    // Full-text search over both scripts; 'simple' because names are proper nouns in many languages.
    await q.query(
      `CREATE INDEX "ix_municipality_name_search" ON "municipality" USING gin (to_tsvector('simple', "search_name"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "municipality"`);
    await q.query(`DROP TABLE "ingest_signature"`);
    await q.query(`DROP TABLE "ingest_receipt"`);
    await q.query(`DROP TABLE "association"`);
    await q.query(`DROP TABLE "association_api_key"`);
  }
}
