import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parked events (libs/messaging/src/parking); part of every service's migrations. Its timestamp sits
 * before every service's own migrations: on a new database the messaging tables come first, and each
 * service's "undo last migration" reverts that service's own tables. Databases migrated before it run it
 * as the one pending migration (TypeORM runs every migration not yet recorded, whatever its timestamp).
 */
export class CreateParkedEventTable1764331200100 implements MigrationInterface {
  name = 'CreateParkedEventTable1764331200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "parked_event" ("id" BIGSERIAL NOT NULL, "consumer_group" text NOT NULL, "topic" text NOT NULL, "aggregate_key" text NOT NULL, "dependency_key" text, "event_id" text NOT NULL, "event_type" text NOT NULL, "record_partition" integer NOT NULL, "record_offset" bigint NOT NULL, "record_key" text, "record_headers" jsonb NOT NULL, "record_value" bytea, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "parked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retried_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_120b0beea7442d2ea5c36c60a55" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_parked_event_aggregate" ON "parked_event" ("consumer_group", "topic", "aggregate_key", "id")`,
    );
    await q.query(
      `CREATE INDEX "ix_parked_event_dependency" ON "parked_event" ("consumer_group", "dependency_key")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_parked_event_group_event" ON "parked_event" ("consumer_group", "event_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ux_parked_event_group_event"`);
    await q.query(`DROP INDEX "ix_parked_event_dependency"`);
    await q.query(`DROP INDEX "ix_parked_event_aggregate"`);
    await q.query(`DROP TABLE "parked_event"`);
  }
}
