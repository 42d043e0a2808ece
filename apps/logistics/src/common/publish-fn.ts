import type { EntityManager } from 'typeorm';
import type { EventDefinition } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { CorrelationContext } from '@bridges/platform';

/**
 * Appends an event to the outbox in the caller's transaction. Use cases take one, so the same code runs
 * under a Kafka handler (`EventContext.publish`: causation = the consumed event) and under an HTTP request
 * ({@link outboxPublisher}: correlation = the request's).
 */
export type PublishFn = <P extends object>(definition: EventDefinition<P>, payload: P) => Promise<unknown>;

export function outboxPublisher(outbox: OutboxWriter, manager: EntityManager): PublishFn {
  return (definition, payload) =>
    outbox.append(manager, definition, payload, { correlationId: CorrelationContext.current() });
}
