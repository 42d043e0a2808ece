import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One accepted `POST /ingest` event: the association's own event id makes a second delivery of the
 * same event a no-op, across every registry instance.
 */
@Entity({ name: 'ingest_receipt' })
export class IngestReceiptEntity {
  @PrimaryColumn({ name: 'association_id', type: 'uuid' }) associationId: string;
  /** The CloudEvents `id` the association gave the event. */
  @PrimaryColumn({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  /** The id of the event written to the outbox for it. */
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
