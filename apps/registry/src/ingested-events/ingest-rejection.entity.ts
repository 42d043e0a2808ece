import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where an association event was refused: at `POST /ingest`, or dead-lettered by the registry's consumer. */
export const REJECTION_PATHS = ['http', 'kafka'] as const;
export type RejectionPath = (typeof REJECTION_PATHS)[number];

/**
 * One association event the registry refused, for coordinators to see why. Only what identifies
 * and explains it (never the body, headers or a secret), each text capped, and bounded retention
 * (`IngestRejectionsService`), so a flood of bad requests cannot grow it without end.
 */
@Entity({ name: 'ingest_rejection' })
@Index('ix_ingest_rejection_received_at', ['receivedAt'])
export class IngestRejectionEntity {
  /** Increasing: the newest rows have the highest ids, which is how the table is pruned and listed. */
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ type: 'text' }) path: RejectionPath;
  /** Known only once a key verified (http) or from a well-formed payload (kafka). */
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  /** The `Bridges-Key-Id` header as sent (capped), even when no such key exists. */
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column({ name: 'event_id', type: 'text', nullable: true }) eventId: string | null;
  @Column({ name: 'event_type', type: 'text', nullable: true }) eventType: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) message: string;
}
