import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who a recipient is: a municipality's contact, an association's contact, or a console user. */
export const RecipientKind = {
  MunicipalityContact: 'municipality-contact',
  Association: 'association',
  Coordinator: 'coordinator',
  /** A person registered for an event (id `participant:<participantId>`), from `events.registration.v1`. */
  EventParticipant: 'event-participant',
} as const;
export type RecipientKind = (typeof RecipientKind)[keyof typeof RecipientKind];

/**
 * Someone notifications can reach. Ids: a municipality contact's registry `contactId`, a coordinator's
 * token `sub`, a generated uuid for an association contact. Deliveries and preferences refer to this id,
 * never to an address, so erasing a contact is one delete plus a purge of its delivery addresses.
 */
@Entity({ name: 'recipient' })
@Index('ix_recipient_municipality', ['municipalityId'])
@Index('ix_recipient_association', ['associationId'])
export class RecipientEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) kind: RecipientKind;
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true }) municipalityId: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** ISO 639-1; null means "the default for the municipality's country". */
  @Column({ name: 'preferred_language', type: 'text', nullable: true }) preferredLanguage: string | null;
  /** Console roles of a coordinator (decides which digests they get). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: string[];
  /** False once the contact left the profile or the municipality was deactivated: receives nothing new. */
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
