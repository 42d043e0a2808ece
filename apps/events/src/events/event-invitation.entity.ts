import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A municipality invited to an invitation-only event: its officers may register its delegation. */
@Entity({ name: 'event_invitation' })
export class EventInvitationEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'invited_by', type: 'text' }) invitedBy: string;
  @CreateDateColumn({ name: 'invited_at', type: 'timestamptz' }) invitedAt: Date;
}
