import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications' tables: the directory (profile summaries and recipients), preferences, deliveries
 * (unique per source event, recipient, channel and template), webhook subscriptions, console inbox items
 * and proposals waiting for a digest. Drafted with findSchemaDrift from the entities.
 */
export class CreateNotificationsTables1795868825726 implements MigrationInterface {
  name = 'CreateNotificationsTables1795868825726';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "delivery" ("id" uuid NOT NULL, "source_event_id" text NOT NULL, "source_event_type" text NOT NULL, "correlation_id" text, "recipient_id" text NOT NULL, "channel" text NOT NULL, "template_id" text NOT NULL, "template_version" integer, "locale" text, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "address" text, "subject" text, "body" text, "html" text, "unsubscribe_url" text, "provider_reference" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ffad7bf84e68716cd9af89003b0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_delivery_recipient" ON "delivery" ("recipient_id", "created_at") `);
    await q.query(`CREATE INDEX "ix_delivery_due" ON "delivery" ("status", "next_attempt_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "ux_delivery_source_recipient" ON "delivery" ("source_event_id", "recipient_id", "channel", "template_id") `,
    );
    await q.query(
      `CREATE TABLE "municipality_directory" ("municipality_id" uuid NOT NULL, "version" integer NOT NULL, "active" boolean NOT NULL, "kind" text NOT NULL, "country" text NOT NULL, "name_native" text NOT NULL, "name_latin" text NOT NULL, "region_name" text, "population" integer, "sectors" text array NOT NULL, "needs" text array NOT NULL, "offers" text array NOT NULL, "working_languages" text array NOT NULL, "association_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b0ee021f1484c1516206144196" PRIMARY KEY ("municipality_id"))`,
    );
    await q.query(
      `CREATE TABLE "recipient" ("id" text NOT NULL, "kind" text NOT NULL, "municipality_id" uuid, "association_id" uuid, "name" text, "email" text, "preferred_language" text, "roles" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f7a695711b2055e3c8d5cfcfa1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_recipient_association" ON "recipient" ("association_id") `);
    await q.query(`CREATE INDEX "ix_recipient_municipality" ON "recipient" ("municipality_id") `);
    await q.query(
      `CREATE TABLE "inbox_item" ("id" uuid NOT NULL, "owner_key" text NOT NULL, "source_event_id" text NOT NULL, "template_id" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "refs" jsonb NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f74da943023d12441cae308b77a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_inbox_item_owner" ON "inbox_item" ("owner_key", "created_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "ux_inbox_item_source_owner" ON "inbox_item" ("source_event_id", "owner_key", "template_id") `,
    );
    await q.query(
      `CREATE TABLE "pending_proposal" ("id" uuid NOT NULL, "recipient_id" text NOT NULL, "proposal_id" uuid NOT NULL, "source_event_id" text NOT NULL, "score" double precision NOT NULL, "audience" text NOT NULL, "item" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "digested_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_91fc926323365d471bf349b4625" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_pending_proposal_open" ON "pending_proposal" ("digested_at", "recipient_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_pending_proposal_source_recipient" ON "pending_proposal" ("source_event_id", "recipient_id") `,
    );
    await q.query(
      `CREATE TABLE "recipient_preference" ("recipient_id" text NOT NULL, "disabled_channels" text array NOT NULL DEFAULT '{}', "disabled_templates" text array NOT NULL DEFAULT '{}', "digest_frequency" text NOT NULL DEFAULT 'immediate', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2fa7129c700db8d08fdeb41b764" PRIMARY KEY ("recipient_id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL, "association_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "event_types" text array NOT NULL, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_subscription_association" ON "webhook_subscription" ("association_id") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_webhook_subscription_association"`);
    await q.query(`DROP TABLE "webhook_subscription"`);
    await q.query(`DROP TABLE "recipient_preference"`);
    await q.query(`DROP INDEX "public"."ux_pending_proposal_source_recipient"`);
    await q.query(`DROP INDEX "public"."ix_pending_proposal_open"`);
    await q.query(`DROP TABLE "pending_proposal"`);
    await q.query(`DROP INDEX "public"."ux_inbox_item_source_owner"`);
    await q.query(`DROP INDEX "public"."ix_inbox_item_owner"`);
    await q.query(`DROP TABLE "inbox_item"`);
    await q.query(`DROP INDEX "public"."ix_recipient_municipality"`);
    await q.query(`DROP INDEX "public"."ix_recipient_association"`);
    await q.query(`DROP TABLE "recipient"`);
    await q.query(`DROP TABLE "municipality_directory"`);
    await q.query(`DROP INDEX "public"."ux_delivery_source_recipient"`);
    await q.query(`DROP INDEX "public"."ix_delivery_due"`);
    await q.query(`DROP INDEX "public"."ix_delivery_recipient"`);
    await q.query(`DROP TABLE "delivery"`);
  }
}
