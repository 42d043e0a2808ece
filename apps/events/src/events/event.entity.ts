import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventFormat, EventKind, EventStatus, LanguageCode } from '@bridges/contracts';

export const OrganiserType = {
  Association: 'association',
  Municipality: 'municipality',
  /** The Bridges coordination team itself (kick-off meetings it drafts for new partnerships). */
  Coordinators: 'coordinators',
} as const;
export type OrganiserType = (typeof OrganiserType)[keyof typeof OrganiserType];

export const EventAccess = { Open: 'open', InvitationOnly: 'invitation-only' } as const;
export type EventAccess = (typeof EventAccess)[keyof typeof EventAccess];

/**
 * An event people register for. Its row is also the lock every seat change of the event takes first
 * (`seats_held` is the seat counter), so capacity and quotas change one transaction at a time.
 */
@Entity({ name: 'event' })
// One kick-off meeting per partnership, one draft per announced forum, whatever is redelivered.
@Index('ux_event_partnership', ['partnershipId'], { unique: true, where: `"partnership_id" IS NOT NULL` })
@Index('ux_event_announced_forum', ['associationId', 'externalForumId'], {
  unique: true,
  where: `"external_forum_id" IS NOT NULL`,
})
// The last word on overselling: whatever the code does, no transaction can commit more seats than capacity.
@Check('ck_event_seats_within_capacity', `"seats_held" >= 0 AND "seats_held" <= "capacity"`)
@Index('ix_event_status_start', ['status', 'startsAt'])
export class EventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: EventKind;
  @Column({ type: 'text' }) status: EventStatus;
  @Column({ name: 'title_uk', type: 'text' }) titleUk: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  /** Title in the host's language where given (e.g. Polish for a forum in Warsaw). */
  @Column({ name: 'title_host', type: 'text', nullable: true }) titleHost: string | null;
  @Column({ name: 'host_language', type: 'text', nullable: true }) hostLanguage: LanguageCode | null;
  @Column({ name: 'description_uk', type: 'text', nullable: true }) descriptionUk: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ name: 'description_host', type: 'text', nullable: true }) descriptionHost: string | null;
  @Column({ name: 'organiser_type', type: 'text' }) organiserType: OrganiserType;
  @Column({ name: 'organiser_id', type: 'uuid', nullable: true }) organiserId: string | null;
  @Column({ type: 'text' }) format: EventFormat;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lon: number | null;
  /** Shown only to coordinators and to people whose seat is confirmed. */
  @Column({ name: 'online_link', type: 'text', nullable: true }) onlineLink: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'working_languages', type: 'text', array: true }) workingLanguages: LanguageCode[];
  /** Languages interpretation is provided into. */
  @Column({ name: 'interpretation_languages', type: 'text', array: true })
  interpretationLanguages: LanguageCode[];
  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;
  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;
  @Column({ type: 'integer' }) capacity: number;
  /** Seats held (pending, offered, confirmed); the database refuses more than `capacity`. */
  @Column({ name: 'seats_held', type: 'integer', default: 0 }) seatsHeld: number;
  @Column({ name: 'approval_required', type: 'boolean' }) approvalRequired: boolean;
  @Column({ type: 'text' }) access: EventAccess;
  /** How long a freed seat is held for the waitlisted person it is offered to. */
  @Column({ name: 'offer_hold_minutes', type: 'integer' }) offerHoldMinutes: number;
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true }) partnershipId: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  @Column({ name: 'external_forum_id', type: 'text', nullable: true }) externalForumId: string | null;
  /** Increases with every change, for the ETag a console edits against. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** When participants' personal data was erased after the event (privacy retention). */
  @Column({ name: 'personal_data_purged_at', type: 'timestamptz', nullable: true })
  personalDataPurgedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
