import { ConsumerAttemptEntity } from './consumer/consumer-attempt.entity';
import { ProcessedEventEntity } from './inbox/processed-event.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { ParkedEventEntity } from './parking/parked-event.entity';

/** Tables every service database needs for the outbox, the inbox, durable retry counts and parked events. */
export const MESSAGING_ENTITIES = [
  OutboxMessageEntity,
  ProcessedEventEntity,
  ConsumerAttemptEntity,
  ParkedEventEntity,
];
