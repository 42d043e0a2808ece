import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, inbox and consumer attempt tables (libs/messaging); part of every service's migrations. */
export class CreateMessagingTables1764331200000 implements MigrationInterface {
  name = 'CreateMessagingTables1764331200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "consumer_attempt" ("consumer_group" text NOT NULL, "topic" text NOT NULL, "partition" integer NOT NULL, "record_offset" bigint NOT NULL, "attempts" integer NOT NULL, "last_error" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47bb8985de67976aa74cc7a9e67" PRIMARY KEY ("consumer_group", "topic", "partition", "record_offset"))`,
    );
    await q.query(
      `CREATE TABLE "inbox_processed_event" ("consumer_group" text NOT NULL, "event_id" text NOT NULL, "event_type" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f60c231c9e2ef4b547819daca36" PRIMARY KEY ("consumer_group", "event_id"))`,
    );
    await q.query(
      `CREATE TABLE "outbox_message" ("id" BIGSERIAL NOT NULL, "event_id" uuid NOT NULL, "topic" text NOT NULL, "record_key" text NOT NULL, "lane" smallint NOT NULL, "headers" jsonb NOT NULL, "payload" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7f18a4003f825f44269f1693c31" UNIQUE ("event_id"), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_outbox_message_lane_id" ON "outbox_message" ("lane", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_outbox_message_lane_id"`);
    await q.query(`DROP TABLE "outbox_message"`);
    await q.query(`DROP TABLE "inbox_processed_event"`);
    await q.query(`DROP TABLE "consumer_attempt"`);
  }
}
