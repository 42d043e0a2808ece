import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events service's tables: events (whose row is each event's seat lock and counter, CHECKed against
 * capacity), quotas (CHECKed against their seats), invitations, registrations and participants, and the
 * arrival sequence the waiting list is ordered by. Drafted with npm run migration:generate.
 */
export class CreateEventsTables1795997227017 implements MigrationInterface {
  name = 'CreateEventsTables1795997227017';

  async up(q: QueryRunner): Promise<void> {
    // Arrival order of participants across all events, taken under each event's lock (see ParticipantEntity).
    await q.query(`CREATE SEQUENCE "participant_arrival_seq"`);
    await q.query(
      `CREATE TABLE "event_invitation" ("event_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "invited_by" text NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa8114b3de030a13b259e9bf1fd" PRIMARY KEY ("event_id", "municipality_id"))`,
    );
    await q.query(
      `CREATE TABLE "event_quota" ("id" BIGSERIAL NOT NULL, "event_id" uuid NOT NULL, "dimension" text NOT NULL, "key" text NOT NULL, "seats" integer NOT NULL, "held" integer NOT NULL DEFAULT '0', "from_each_rule" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_event_quota_within_seats" CHECK ("held" >= 0 AND "held" <= "seats"), CONSTRAINT "PK_11f495809f7dde0f909a9e6217a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_event_quota_key" ON "event_quota" ("event_id", "dimension", "key") `,
    );
    await q.query(
      `CREATE TABLE "event" ("id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "title_uk" text NOT NULL, "title_en" text NOT NULL, "title_host" text, "host_language" text, "description_uk" text, "description_en" text, "description_host" text, "organiser_type" text NOT NULL, "organiser_id" uuid, "format" text NOT NULL, "venue" text, "address" text, "lat" double precision, "lon" double precision, "online_link" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "working_languages" text array NOT NULL, "interpretation_languages" text array NOT NULL, "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "capacity" integer NOT NULL, "seats_held" integer NOT NULL DEFAULT '0', "approval_required" boolean NOT NULL, "access" text NOT NULL, "offer_hold_minutes" integer NOT NULL, "partnership_id" uuid, "association_id" uuid, "external_forum_id" text, "version" integer NOT NULL DEFAULT '1', "personal_data_purged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_event_seats_within_capacity" CHECK ("seats_held" >= 0 AND "seats_held" <= "capacity"), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_event_status_start" ON "event" ("status", "starts_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "ux_event_announced_forum" ON "event" ("association_id", "external_forum_id") WHERE "external_forum_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_event_partnership" ON "event" ("partnership_id") WHERE "partnership_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL, "registration_id" uuid NOT NULL, "event_id" uuid NOT NULL, "position" integer NOT NULL, "status" text NOT NULL, "country" text NOT NULL, "municipality_id" uuid, "association_id" uuid, "arrival_seq" bigint NOT NULL, "waitlist_seq" bigint, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "full_name" text NOT NULL, "email" text, "phone" text, "role_title" text, "language" text NOT NULL, "dietary_needs" text, "accessibility_needs" text, "accommodation_nights" date array NOT NULL, "interpretation_into" text, "is_minor" boolean NOT NULL, "guardian_name" text, "guardian_contact" text, "guardian_consent_at" TIMESTAMP WITH TIME ZONE, "check_in_code" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "personal_data_erased_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_participant_check_in_code" ON "participant" ("event_id", "check_in_code") `,
    );
    await q.query(
      `CREATE INDEX "ix_participant_offer_expiry" ON "participant" ("offer_expires_at") WHERE "status" = 'offered'`,
    );
    await q.query(
      `CREATE INDEX "ix_participant_waitlist" ON "participant" ("event_id", "waitlist_seq") WHERE "status" = 'waitlisted'`,
    );
    await q.query(
      `CREATE INDEX "ix_participant_registration" ON "participant" ("registration_id", "position") `,
    );
    await q.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "type" text NOT NULL, "country" text NOT NULL, "municipality_id" uuid, "association_id" uuid, "contact_name" text, "contact_email" text, "contact_language" text NOT NULL, "registered_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_registration_municipality" ON "registration" ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_registration_event" ON "registration" ("event_id", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_registration_event"`);
    await q.query(`DROP INDEX "public"."ix_registration_municipality"`);
    await q.query(`DROP TABLE "registration"`);
    await q.query(`DROP INDEX "public"."ix_participant_registration"`);
    await q.query(`DROP INDEX "public"."ix_participant_waitlist"`);
    await q.query(`DROP INDEX "public"."ix_participant_offer_expiry"`);
    await q.query(`DROP INDEX "public"."ux_participant_check_in_code"`);
    await q.query(`DROP TABLE "participant"`);
    await q.query(`DROP INDEX "public"."ux_event_partnership"`);
    await q.query(`DROP INDEX "public"."ux_event_announced_forum"`);
    await q.query(`DROP INDEX "public"."ix_event_status_start"`);
    await q.query(`DROP TABLE "event"`);
    await q.query(`DROP INDEX "public"."ux_event_quota_key"`);
    await q.query(`DROP TABLE "event_quota"`);
    await q.query(`DROP TABLE "event_invitation"`);
    await q.query(`DROP SEQUENCE "participant_arrival_seq"`);
  }
}
