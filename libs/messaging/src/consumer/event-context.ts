import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventMetadata } from '@bridges/contracts';
import type { OutboxWriter } from '../outbox/outbox-writer';
import { lockDependency } from '../parking/parking-locks';

/**
 * What a handler gets beside the payload: the envelope, the transaction its effect must be written
 * in (the inbox record commits with it), and a way to publish follow-up events in that same
 * transaction with correlation and causation filled in.
 */
export class EventContext {
  private readonly arrived = new Set<string>();

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

  /**
   * Says that this effect makes `dependencyKey` available (the key another handler named in a
   * `DependencyNotYetAvailableError`): the events parked waiting for it resume once this transaction
   * commits.
   */
  async dependencyArrived(dependencyKey: string): Promise<void> {
    await lockDependency(this.manager, dependencyKey);
    this.arrived.add(dependencyKey);
  }

  /** Keys passed to {@link dependencyArrived}, for the processor to resume after the commit. */
  get arrivedDependencies(): string[] {
    return [...this.arrived];
  }
}
