import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A recipient's latest registration status for an event: who hears of a change or a cancellation. */
@Entity({ name: 'event_participant' })
export class EventParticipantEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  /** `participant:<participantId>` (a recipient of kind `event-participant`). */
  @PrimaryColumn({ name: 'recipient_id', type: 'text' }) recipientId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'source_time', type: 'timestamptz' }) sourceTime: Date;
}
