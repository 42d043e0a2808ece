import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be published, written in the same transaction as the state change it
 * describes. The relay deletes the row once Kafka has acknowledged the record.
 */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_message_lane_id', ['lane', 'id'])
export class OutboxMessageEntity {
  /** Commit order within a lane; the relay publishes in this order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;

  /** Wire topic name (without any test prefix). */
  @Column({ type: 'text' })
  topic: string;

  /** Record key: the aggregate id. */
  @Column({ name: 'record_key', type: 'text' })
  recordKey: string;

  /** Hash of the key: all events of one key share a lane, and a lane is relayed by one instance at a time. */
  @Column({ type: 'smallint' })
  lane: number;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  /** The payload exactly as serialised for the wire. */
  @Column({ type: 'text' })
  payload: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
