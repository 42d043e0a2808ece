import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the partners were last reminded of a request still open (StaleRequestReminder). */
export class AidRequestRemindedAt1796000000100 implements MigrationInterface {
  name = 'AidRequestRemindedAt1796000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "aid_request" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "aid_request" DROP COLUMN "reminded_at"`);
  }
}
