import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { recordProcessedEvent } from '../inbox/inbox';
import { OutboxWriter } from '../outbox/outbox-writer';
import { lockDependency } from '../parking/parking-locks';
import { EventContext } from './event-context';
import { DependencyNotYetAvailableError } from './event-handling.errors';
import type { EventHandlerFn } from './event-handler';
import type { IncomingRecord } from './incoming-record';
import type { ValidEvent } from './event-validator';

/** The event's effect was written (or had been already), and the dependencies it made available. */
export interface Applied {
  readonly outcome: 'handled' | 'duplicate';
  readonly arrived: readonly string[];
}

/** The handler still misses `dependencyKey` with that dependency locked: the event must park. */
export interface MissingDependency {
  readonly outcome: 'missing-dependency';
  readonly dependencyKey: string;
  readonly reason: string;
}

/** Runs a handler with the inbox: one effect per event id, in the caller's transaction. */
@Injectable()
export class EventApplier {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Inbox row and effect in `manager`'s transaction; the handler's errors propagate unchanged. */
  async apply(
    manager: EntityManager,
    consumerGroup: string,
    event: ValidEvent,
    handler: EventHandlerFn,
    record: IncomingRecord,
  ): Promise<Applied> {
    if (!(await recordProcessedEvent(manager, consumerGroup, event.envelope.id, event.envelope.type))) {
      return { outcome: 'duplicate', arrived: [] };
    }
    const context = new EventContext(event.envelope, manager, record, this.outbox);
    await handler(event.payload, context);
    return { outcome: 'handled', arrived: context.arrivedDependencies };
  }

  /**
   * {@link apply} in a savepoint; when the handler misses a dependency, that dependency is locked (see
   * lockDependency) and the handler tried again, so a dependency that arrived meanwhile is seen. Reports
   * the dependency still missing under its lock instead of throwing; the savepoints leave nothing of the
   * failed tries behind.
   */
  async applyOrReportMissing(
    manager: EntityManager,
    consumerGroup: string,
    event: ValidEvent,
    handler: EventHandlerFn,
    record: IncomingRecord,
  ): Promise<Applied | MissingDependency> {
    const locked = new Set<string>();
    for (;;) {
      try {
        return await manager.transaction((savepoint) =>
          this.apply(savepoint, consumerGroup, event, handler, record),
        );
      } catch (error) {
        if (!(error instanceof DependencyNotYetAvailableError)) throw error;
        if (locked.has(error.dependencyKey)) {
          return {
            outcome: 'missing-dependency',
            dependencyKey: error.dependencyKey,
            reason: error.message,
          };
        }
        await lockDependency(manager, error.dependencyKey);
        locked.add(error.dependencyKey);
      }
    }
  }
}
