import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ingest replay check remembers what was signed (association + SHA-256 of "<timestamp>.<body>")
 * instead of the Bridges-Signature header text, which a replayer could rewrite (upper-case hex, extra
 * entries) to get past it. The old table's rows cannot be converted (they hold no body); dropping
 * them is safe: they expire within the 5-minute window, and a replay in that gap still has no
 * second effect, because the receipt of its event id answers it as a duplicate.
 */
export class IngestReplayByRequestDigest1795995965299 implements MigrationInterface {
  name = 'IngestReplayByRequestDigest1795995965299';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ingest_request" ("association_id" uuid NOT NULL, "request_sha256" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ceb1a536c2ec77328504b2394e4" PRIMARY KEY ("association_id", "request_sha256"))`,
    );
    await q.query(`CREATE INDEX "ix_ingest_request_expires_at" ON "ingest_request" ("expires_at") `);
    await q.query(`DROP TABLE "ingest_signature"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ingest_signature" ("key_id" text NOT NULL, "signature" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_075487c78fb6005c48d508a4a0d" PRIMARY KEY ("key_id", "signature"));`,
    );
    await q.query(`CREATE INDEX "ix_ingest_signature_expires_at" ON "ingest_signature" ("expires_at") ;`);
    await q.query(`DROP INDEX "public"."ix_ingest_request_expires_at"`);
    await q.query(`DROP TABLE "ingest_request"`);
  }
}
