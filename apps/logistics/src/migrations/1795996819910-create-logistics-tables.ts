import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logistics' tables: projections of partnerships and profiles, requests with their lines (the CHECK on
 * `pledged` is the over-pledging guard), pledges, shipments with lines and timeline, receipts (one per
 * shipment), the maintained totals and idempotency records. Drafted with migration:generate.
 */
export class CreateLogisticsTables1795996819910 implements MigrationInterface {
  name = 'CreateLogisticsTables1795996819910';

  async up(q: QueryRunner): Promise<void> {
    // Numbers of shipment references (BR-YYYY-NNNNNN-C): unique on every instance, gaps allowed.
    await q.query(`CREATE SEQUENCE "shipment_reference_seq"`);
    await q.query(
      `CREATE TABLE "aid_request_line" ("id" uuid NOT NULL, "request_id" uuid NOT NULL, "line_no" integer NOT NULL, "item" text NOT NULL, "category" text NOT NULL, "unit" text NOT NULL, "quantity" integer NOT NULL, "pledged" integer NOT NULL DEFAULT '0', "received" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_aid_request_line_quantity" CHECK ("quantity" > 0 AND "received" >= 0), CONSTRAINT "ck_aid_request_line_pledged" CHECK ("pledged" >= 0 AND "pledged" <= "quantity"), CONSTRAINT "PK_16ec0dbdbc57c7a6595ea57d338" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_aid_request_line_no" ON "aid_request_line" ("request_id", "line_no") `,
    );
    await q.query(
      `CREATE TABLE "aid_request" ("id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "addressed_to" uuid, "title" text NOT NULL, "description" text, "status" text NOT NULL, "urgency" text NOT NULL, "needed_by" date, "delivery_address" text NOT NULL, "delivery_lat" double precision, "delivery_lon" double precision, "delivery_contact_id" uuid, "version" integer NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7a6ef98ccbdbae7f7d202af8438" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_aid_request_status" ON "aid_request" ("status", "published_at") `);
    await q.query(`CREATE INDEX "ix_aid_request_hromada" ON "aid_request" ("hromada_id", "status") `);
    await q.query(
      `CREATE TABLE "idempotency_record" ("principal" text NOT NULL, "idempotency_key" text NOT NULL, "command" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0a0b6b03f663ff1bc20f7671d90" PRIMARY KEY ("principal", "idempotency_key"))`,
    );
    await q.query(
      `CREATE TABLE "pledge_line" ("pledge_id" uuid NOT NULL, "line_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "ck_pledge_line_quantity" CHECK ("quantity" > 0), CONSTRAINT "PK_158ae7fddfeedd0b70f445e09e1" PRIMARY KEY ("pledge_id", "line_id"))`,
    );
    await q.query(
      `CREATE TABLE "pledge" ("id" uuid NOT NULL, "request_id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "eu_municipality_id" uuid NOT NULL, "partnership_id" uuid, "brokered_by" text, "status" text NOT NULL, "value_minor" bigint, "currency" text, "note" text, "flagged_partnership_status" text, "flagged_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_45ccbbcda634f9a57e8b9c41fee" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_pledge_partnership" ON "pledge" ("partnership_id", "status") `);
    await q.query(`CREATE INDEX "ix_pledge_request" ON "pledge" ("request_id") `);
    await q.query(
      `CREATE TABLE "municipality_projection" ("municipality_id" uuid NOT NULL, "kind" text NOT NULL, "version" integer NOT NULL, "active" boolean NOT NULL, "country" text NOT NULL, "name_latin" text NOT NULL, "name_native" text NOT NULL, "region_name" text NOT NULL, "region_code" text, "lat" double precision, "lon" double precision, "contacts" jsonb NOT NULL, CONSTRAINT "PK_0799ea242e86a5a4bc9cbbee78a" PRIMARY KEY ("municipality_id"))`,
    );
    await q.query(
      `CREATE TABLE "partnership_projection" ("partnership_id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "eu_municipality_id" uuid NOT NULL, "status" text NOT NULL, "track" text NOT NULL, "established_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_91e3d3a0abb3e2ae70cd875fb3f" PRIMARY KEY ("partnership_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_partnership_projection_eu" ON "partnership_projection" ("eu_municipality_id") `,
    );
    await q.query(
      `CREATE INDEX "ix_partnership_projection_pair" ON "partnership_projection" ("hromada_id", "eu_municipality_id") `,
    );
    await q.query(
      `CREATE TABLE "receipt_line" ("receipt_id" uuid NOT NULL, "line_no" integer NOT NULL, "received_quantity" integer NOT NULL, "damaged_quantity" integer NOT NULL, "discrepancy" text NOT NULL, "note" text, CONSTRAINT "PK_53c9ed48ff36e584c0bab63eba5" PRIMARY KEY ("receipt_id", "line_no"))`,
    );
    await q.query(
      `CREATE TABLE "receipt" ("id" uuid NOT NULL, "shipment_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "has_discrepancies" boolean NOT NULL, "note" text, "recorded_by" text NOT NULL, CONSTRAINT "UQ_a6b43e15f4e3e694c78826b5bf1" UNIQUE ("shipment_id"), CONSTRAINT "PK_b4b9ec7d164235fbba023da9832" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "shipment_line" ("shipment_id" uuid NOT NULL, "line_no" integer NOT NULL, "request_line_id" uuid NOT NULL, "item" text NOT NULL, "category" text NOT NULL, "unit" text NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "PK_e010e7bd839f8cdc690eaab0ddf" PRIMARY KEY ("shipment_id", "line_no"))`,
    );
    await q.query(
      `CREATE TABLE "shipment_pledge" ("shipment_id" uuid NOT NULL, "pledge_id" uuid NOT NULL, CONSTRAINT "PK_66d022f5958f9a67ad2f3fbe495" PRIMARY KEY ("shipment_id", "pledge_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_shipment_pledge_pledge" ON "shipment_pledge" ("pledge_id") `);
    await q.query(
      `CREATE TABLE "shipment_step" ("id" BIGSERIAL NOT NULL, "shipment_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text, "note" text, "recorded_by" text NOT NULL, CONSTRAINT "PK_0f51dea2d8bca23439d38838c83" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_shipment_step_shipment" ON "shipment_step" ("shipment_id", "id") `);
    await q.query(
      `CREATE TABLE "shipment" ("id" uuid NOT NULL, "reference" text NOT NULL, "request_id" uuid NOT NULL, "hromada_id" uuid NOT NULL, "eu_municipality_id" uuid NOT NULL, "partnership_id" uuid, "brokered_by" text, "status" text NOT NULL, "waybill_number" text, "carrier" text, "vehicle_plate" text, "driver_name" text, "driver_phone" text, "planned_border_crossing" text, "packages" integer NOT NULL, "gross_weight_kg" numeric(12,3) NOT NULL, "volume_m3" numeric(10,3), "value_minor" bigint, "currency" text, "expected_arrival" date, "documents" jsonb NOT NULL, "version" integer NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2a5bb0499b2e2965d4ad2ad4376" UNIQUE ("reference"), CONSTRAINT "PK_f51f635db95c534ca206bf7a0a4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_shipment_eu" ON "shipment" ("eu_municipality_id", "status") `);
    await q.query(`CREATE INDEX "ix_shipment_hromada" ON "shipment" ("hromada_id", "status") `);
    await q.query(`CREATE INDEX "ix_shipment_request" ON "shipment" ("request_id") `);
    await q.query(
      `CREATE TABLE "aid_total" ("dimension" text NOT NULL, "dimension_key" text NOT NULL, "period" text NOT NULL, "measure" text NOT NULL, "unit" text NOT NULL, "amount" numeric(24,3) NOT NULL, CONSTRAINT "PK_bbd0f8dee5cc520f4647c75da22" PRIMARY KEY ("dimension", "dimension_key", "period", "measure", "unit"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "aid_total"`);
    await q.query(`DROP INDEX "public"."ix_shipment_request"`);
    await q.query(`DROP INDEX "public"."ix_shipment_hromada"`);
    await q.query(`DROP INDEX "public"."ix_shipment_eu"`);
    await q.query(`DROP TABLE "shipment"`);
    await q.query(`DROP INDEX "public"."ix_shipment_step_shipment"`);
    await q.query(`DROP TABLE "shipment_step"`);
    await q.query(`DROP INDEX "public"."ux_shipment_pledge_pledge"`);
    await q.query(`DROP TABLE "shipment_pledge"`);
    await q.query(`DROP TABLE "shipment_line"`);
    await q.query(`DROP TABLE "receipt"`);
    await q.query(`DROP TABLE "receipt_line"`);
    await q.query(`DROP INDEX "public"."ix_partnership_projection_pair"`);
    await q.query(`DROP INDEX "public"."ix_partnership_projection_eu"`);
    await q.query(`DROP TABLE "partnership_projection"`);
    await q.query(`DROP TABLE "municipality_projection"`);
    await q.query(`DROP INDEX "public"."ix_pledge_request"`);
    await q.query(`DROP INDEX "public"."ix_pledge_partnership"`);
    await q.query(`DROP TABLE "pledge"`);
    await q.query(`DROP TABLE "pledge_line"`);
    await q.query(`DROP TABLE "idempotency_record"`);
    await q.query(`DROP INDEX "public"."ix_aid_request_hromada"`);
    await q.query(`DROP INDEX "public"."ix_aid_request_status"`);
    await q.query(`DROP TABLE "aid_request"`);
    await q.query(`DROP INDEX "public"."ux_aid_request_line_no"`);
    await q.query(`DROP TABLE "aid_request_line"`);
    await q.query(`DROP SEQUENCE "shipment_reference_seq"`);
  }
}
