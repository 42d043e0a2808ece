import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CorrelationContext } from '@bridges/platform';
import { DeadLetterPublisher } from '../consumer/dead-letter.publisher';
import { EventApplier } from '../consumer/event-applier';
import type { HandlerLookup } from '../consumer/event-handler';
import { EventFailureKind, InvalidEventError, PermanentEventError } from '../consumer/event-handling.errors';
import { EventValidator } from '../consumer/event-validator';
import {
  DEFAULT_CONSUMER_OPTIONS,
  MESSAGING_OPTIONS,
  type EventConsumerOptions,
  type MessagingOptions,
} from '../messaging.options';
import { ParkedEventRepository, recordOf } from './parked-event.repository';
import type { ParkedEventEntity } from './parked-event.entity';
import { ParkedEventScheduler } from './parked-event.scheduler';
import { lockAggregate, type ParkingAggregate } from './parking-locks';

/** Aggregates looked at per periodic retry; the longest-untried first, so none starves. */
const SWEEP_BATCH = 200;

type Step =
  | { readonly kind: 'empty' | 'still-waiting' }
  | { readonly kind: 'resumed'; readonly arrived: readonly string[] }
  | {
      readonly kind: 'dead-letter';
      readonly row: ParkedEventEntity;
      readonly failure: EventFailureKind;
      readonly reason: string;
      readonly attempts: number;
    };

/**
 * Applies parked events through the same handlers and inbox as live ones: per aggregate, in parking
 * order, under the aggregate's lock (so several instances never apply one aggregate's events twice or
 * out of order). A head that still misses a dependency stays parked and keeps its aggregate waiting; a
 * transient failure is counted and retried later, and at maxAttempts (or at once when permanent) the
 * record goes to its DLQ like a live one.
 */
@Injectable()
export class ParkedEventResumer {
  private readonly logger = new Logger(ParkedEventResumer.name);
  private readonly options: EventConsumerOptions;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parked: ParkedEventRepository,
    private readonly applier: EventApplier,
    private readonly validator: EventValidator,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly scheduler: ParkedEventScheduler,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...messaging.consumer };
  }

  /** Resumes the aggregates waiting for `dependencyKey`, or (null) those due for the periodic retry. */
  async resume(
    dependencyKey: string | null,
    consumerGroup: string,
    findHandler: HandlerLookup,
  ): Promise<void> {
    const aggregates =
      dependencyKey === null
        ? await this.parked.aggregatesDue(consumerGroup, this.options.parkedRetryIntervalMs, SWEEP_BATCH)
        : await this.parked.aggregatesWaitingFor(consumerGroup, dependencyKey);
    for (const aggregate of aggregates) await this.drain(aggregate, findHandler);
  }

  /** Applies the aggregate's parked events in order until one still waits or none is left. */
  private async drain(aggregate: ParkingAggregate, findHandler: HandlerLookup): Promise<void> {
    for (;;) {
      const tried: { head?: ParkedEventEntity } = {};
      let step: Step;
      try {
        step = await this.dataSource.transaction(async (manager) => {
          await lockAggregate(manager, aggregate);
          const head = await this.parked.head(manager, aggregate);
          if (!head) return { kind: 'empty' as const };
          tried.head = head;
          return this.applyHead(manager, head, findHandler);
        });
      } catch (error) {
        if (!tried.head) throw error;
        step = await this.failed(tried.head, error);
      }
      switch (step.kind) {
        case 'empty':
        case 'still-waiting':
          return;
        case 'resumed':
          this.scheduler.wake(step.arrived);
          break;
        case 'dead-letter':
          await this.deadLetters.publish(recordOf(step.row), {
            kind: step.failure,
            reason: step.reason,
            attempts: step.attempts,
            consumerGroup: aggregate.consumerGroup,
          });
          await this.parked.removeById(step.row.id);
          break;
      }
    }
  }

  private async applyHead(
    manager: EntityManager,
    head: ParkedEventEntity,
    findHandler: HandlerLookup,
  ): Promise<Step> {
    const record = recordOf(head);
    let event;
    try {
      event = await this.validator.validate(record);
    } catch (error) {
      // Valid when parked; a contract change since then can make it invalid.
      if (!(error instanceof InvalidEventError)) throw error;
      return {
        kind: 'dead-letter',
        row: head,
        failure: EventFailureKind.Invalid,
        reason: error.message,
        attempts: 0,
      };
    }
    const handler = findHandler(event.envelope.type);
    if (!handler) {
      return {
        kind: 'dead-letter',
        row: head,
        failure: EventFailureKind.Permanent,
        reason: `no handler for ${event.envelope.type} any more in ${head.consumerGroup}`,
        attempts: head.attempts,
      };
    }
    const applied = await CorrelationContext.run(event.envelope.correlationId, () =>
      this.applier.applyOrReportMissing(manager, head.consumerGroup, event, handler, record),
    );
    if (applied.outcome === 'missing-dependency') {
      await this.parked.keepWaiting(manager, head.id, applied.dependencyKey);
      return { kind: 'still-waiting' };
    }
    await this.parked.remove(manager, head.id);
    if (applied.outcome === 'handled') {
      this.logger.log(
        `Resumed parked ${head.eventType} ${head.eventId} (parked since ${head.parkedAt.toISOString()})`,
      );
    }
    return { kind: 'resumed', arrived: applied.arrived };
  }

  /** A resume failed and rolled back: count it; permanent or exhausted goes to the DLQ, else retry later. */
  private async failed(head: ParkedEventEntity, error: unknown): Promise<Step> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof PermanentEventError) {
      return {
        kind: 'dead-letter',
        row: head,
        failure: EventFailureKind.Permanent,
        reason,
        attempts: head.attempts + 1,
      };
    }
    const attempts = await this.parked.recordFailure(head.id, reason);
    if (attempts >= this.options.maxAttempts) {
      return { kind: 'dead-letter', row: head, failure: EventFailureKind.RetriesExhausted, reason, attempts };
    }
    this.logger.warn(
      `Resuming parked ${head.eventType} (${head.eventId}) failed, attempt ${attempts}/${this.options.maxAttempts}; ` +
        `retrying in about ${this.options.parkedRetryIntervalMs} ms: ${reason}`,
    );
    return { kind: 'still-waiting' };
  }
}
