import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event this consumer group has already applied, recorded in the same transaction as the
 * effect: a redelivered event finds its row and has no second effect.
 */
@Entity({ name: 'inbox_processed_event' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
