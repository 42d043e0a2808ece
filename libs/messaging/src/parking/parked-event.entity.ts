import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A consumed record waiting for another topic's event (or behind an earlier parked event of its
 * aggregate), stored whole so that it can be handled later exactly as if it had just arrived. The
 * offset is committed once the row is: the partition moves on, the record is not lost.
 */
@Entity({ name: 'parked_event' })
@Index('ux_parked_event_group_event', ['consumerGroup', 'eventId'], { unique: true })
@Index('ix_parked_event_dependency', ['consumerGroup', 'dependencyKey'])
@Index('ix_parked_event_aggregate', ['consumerGroup', 'topic', 'aggregateKey', 'id'])
export class ParkedEventEntity {
  /** Parking order: within an aggregate, events resume in this order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  /** Physical topic the record was read from. */
  @Column({ type: 'text' })
  topic: string;

  /** The record key (the aggregate id), or the event id for a record without a key. */
  @Column({ name: 'aggregate_key', type: 'text' })
  aggregateKey: string;

  /** What the event waits for; null while it only waits behind earlier parked events of its aggregate. */
  @Column({ name: 'dependency_key', type: 'text', nullable: true })
  dependencyKey: string | null;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'record_partition', type: 'int' })
  recordPartition: number;

  @Column({ name: 'record_offset', type: 'bigint' })
  recordOffset: string;

  @Column({ name: 'record_key', type: 'text', nullable: true })
  recordKey: string | null;

  @Column({ name: 'record_headers', type: 'jsonb' })
  recordHeaders: Record<string, string>;

  @Column({ name: 'record_value', type: 'bytea', nullable: true })
  recordValue: Buffer | null;

  /** Transient failures while resuming; at the consumer's maxAttempts the record goes to its DLQ. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'parked_at', type: 'timestamptz' })
  parkedAt: Date;

  /** Last time a resume looked at it; the periodic retry takes the longest-untried first. */
  @Column({ name: 'retried_at', type: 'timestamptz', nullable: true })
  retriedAt: Date | null;
}
