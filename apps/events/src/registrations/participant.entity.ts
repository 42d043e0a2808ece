import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LanguageCode, ParticipantStatus } from '@bridges/contracts';

/**
 * One person's seat (or place on the waiting list) in a registration. The delegation keys are copied
 * from the registration so that seat accounting and promotion read one table.
 */
@Entity({ name: 'participant' })
@Index('ix_participant_registration', ['registrationId', 'position'])
// The waiting list of an event, in arrival order.
@Index('ix_participant_waitlist', ['eventId', 'waitlistSeq'], { where: `"status" = 'waitlisted'` })
@Index('ix_participant_offer_expiry', ['offerExpiresAt'], { where: `"status" = 'offered'` })
@Index('ux_participant_check_in_code', ['eventId', 'checkInCode'], { unique: true })
export class ParticipantEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'registration_id', type: 'uuid' }) registrationId: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  /** Order within the delegation. */
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) status: ParticipantStatus;
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true }) municipalityId: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  /**
   * When the person arrived, across the whole event: taken under the event's lock, so it is the order in
   * which registrations were served. The waiting list is ordered by it.
   */
  @Column({ name: 'arrival_seq', type: 'bigint' }) arrivalSeq: string;
  /** Set while waitlisted (equal to `arrival_seq`): the waiting list index reads only these rows. */
  @Column({ name: 'waitlist_seq', type: 'bigint', nullable: true }) waitlistSeq: string | null;
  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true }) offerExpiresAt: Date | null;
  // Personal data: erased on request and after the event (then `full_name` reads "(erased)").
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ name: 'role_title', type: 'text', nullable: true }) roleTitle: string | null;
  @Column({ type: 'text' }) language: LanguageCode;
  @Column({ name: 'dietary_needs', type: 'text', nullable: true }) dietaryNeeds: string | null;
  @Column({ name: 'accessibility_needs', type: 'text', nullable: true }) accessibilityNeeds: string | null;
  /** Nights of accommodation needed, as dates (the night starting on that date). */
  @Column({ name: 'accommodation_nights', type: 'date', array: true }) accommodationNights: string[];
  /** Language the person needs interpretation into, if any. */
  @Column({ name: 'interpretation_into', type: 'text', nullable: true })
  interpretationInto: LanguageCode | null;
  @Column({ name: 'is_minor', type: 'boolean' }) isMinor: boolean;
  @Column({ name: 'guardian_name', type: 'text', nullable: true }) guardianName: string | null;
  @Column({ name: 'guardian_contact', type: 'text', nullable: true }) guardianContact: string | null;
  /** When the guardian's consent was recorded (required for a minor). */
  @Column({ name: 'guardian_consent_at', type: 'timestamptz', nullable: true })
  guardianConsentAt: Date | null;
  @Column({ name: 'check_in_code', type: 'text' }) checkInCode: string;
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
