import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports of the shipped data started over HTTP, with their progress and counts; one running at a time. */
export class ImportRuns1796100000000 implements MigrationInterface {
  name = 'ImportRuns1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "import_run" ("id" uuid NOT NULL, "status" text NOT NULL, "sources" jsonb NOT NULL, "started_by" text NOT NULL, "rows_total" integer NOT NULL, "rows_done" integer NOT NULL DEFAULT 0, "files_total" integer NOT NULL, "files_done" integer NOT NULL DEFAULT 0, "created" integer NOT NULL DEFAULT 0, "updated" integer NOT NULL DEFAULT 0, "unchanged" integer NOT NULL DEFAULT 0, "rejected" integer NOT NULL DEFAULT 0, "rejected_rows" jsonb NOT NULL DEFAULT '[]', "error" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_import_run" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_import_run_one_running" ON "import_run" ("status") WHERE "status" = 'running'`,
    );
    await q.query(`CREATE INDEX "ix_import_run_started_at" ON "import_run" ("started_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "import_run"`);
  }
}
