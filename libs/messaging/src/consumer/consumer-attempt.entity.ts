import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed attempts at one record, kept outside the handler's transaction so that the count survives
 * the rollback and a restart: a poison message reaches its DLQ after maxAttempts, not never.
 */
@Entity({ name: 'consumer_attempt' })
export class ConsumerAttemptEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ type: 'text' })
  topic: string;

  @PrimaryColumn({ type: 'int' })
  partition: number;

  @PrimaryColumn({ name: 'record_offset', type: 'bigint' })
  recordOffset: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text' })
  lastError: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
