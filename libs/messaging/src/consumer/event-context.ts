import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventMetadata } from '@bridges/contracts';
import type { OutboxWriter } from '../outbox/outbox-writer';

/**
 * What a handler gets beside the payload: the envelope, the transaction its effect must be written
 * in (the inbox record commits with it), and a way to publish follow-up events in that same
 * transaction with correlation and causation filled in.
 */
export class EventContext {
  constructor(
    readonly envelope: EventMetadata,
    readonly manager: EntityManager,
    readonly record: { readonly topic: string; readonly partition: number; readonly offset: string },
    private readonly outbox: OutboxWriter,
  ) {}

  publish<P extends object>(definition: EventDefinition<P>, payload: P): Promise<EventMetadata> {
    return this.outbox.append(this.manager, definition, payload, {
      correlationId: this.envelope.correlationId,
      causationId: this.envelope.id,
      traceparent: this.envelope.traceparent,
    });
  }
}
