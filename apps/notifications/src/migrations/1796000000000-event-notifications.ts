import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event notifications: attachments on deliveries (an event's `.ics`), the projection of `events.event.v1`
 * (what a registration email needs to say about the event) and who is registered for which event (whom
 * to tell when it changes or is cancelled).
 */
export class EventNotifications1796000000000 implements MigrationInterface {
  name = 'EventNotifications1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "delivery" ADD "attachments" jsonb`);
    await q.query(
      `CREATE TABLE "event_projection" ("event_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "title_uk" text NOT NULL, "title_en" text NOT NULL, "format" text NOT NULL, "venue" text, "address" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "invited_municipality_ids" uuid array NOT NULL DEFAULT '{}', "source_time" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_event_projection" PRIMARY KEY ("event_id"))`,
    );
    await q.query(
      `CREATE TABLE "event_participant" ("event_id" uuid NOT NULL, "recipient_id" text NOT NULL, "status" text NOT NULL, "source_time" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_event_participant" PRIMARY KEY ("event_id", "recipient_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "event_participant"`);
    await q.query(`DROP TABLE "event_projection"`);
    await q.query(`ALTER TABLE "delivery" DROP COLUMN "attachments"`);
  }
}
