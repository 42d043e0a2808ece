import { ConsumerAttemptEntity } from './consumer/consumer-attempt.entity';
import { ProcessedEventEntity } from './inbox/processed-event.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** Tables every service database needs for the outbox, the inbox and durable retry counts. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity, ConsumerAttemptEntity];
