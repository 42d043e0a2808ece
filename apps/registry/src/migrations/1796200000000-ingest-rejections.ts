import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Association events the registry refused (signed ingest or its consumer's DLQ), for the console. */
export class IngestRejections1796200000000 implements MigrationInterface {
  name = 'IngestRejections1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ingest_rejection" ("id" BIGSERIAL NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "path" text NOT NULL, "association_id" uuid, "key_id" text, "event_id" text, "event_type" text, "reason" text NOT NULL, "message" text NOT NULL, CONSTRAINT "PK_ingest_rejection" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_ingest_rejection_received_at" ON "ingest_rejection" ("received_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ingest_rejection"`);
  }
}
