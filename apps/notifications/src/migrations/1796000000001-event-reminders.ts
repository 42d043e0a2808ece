import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Event reminders: the start an event was last reminded for (a moved event is reminded again). */
export class EventReminders1796000000001 implements MigrationInterface {
  name = 'EventReminders1796000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_projection" ADD "reminded_starts_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_projection" DROP COLUMN "reminded_starts_at"`);
  }
}
