import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LanguageCode } from '@bridges/contracts';

export const RegistrationType = { Delegation: 'delegation', Individual: 'individual' } as const;
export type RegistrationType = (typeof RegistrationType)[keyof typeof RegistrationType];

/**
 * One registration: a municipality's delegation (several people) or one person alone. Its delegation
 * keys (country, municipality, association) are what quotas count; each person is a participant row.
 */
@Entity({ name: 'registration' })
@Index('ix_registration_event', ['eventId', 'createdAt'])
@Index('ix_registration_municipality', ['municipalityId'])
export class RegistrationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) type: RegistrationType;
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true }) municipalityId: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  /** The delegation's contact person (erased with the participants' data after the event). */
  @Column({ name: 'contact_name', type: 'text', nullable: true }) contactName: string | null;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ name: 'contact_language', type: 'text' }) contactLanguage: LanguageCode;
  @Column({ name: 'registered_by', type: 'text' }) registeredBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
