import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CorrelationContext } from '@bridges/platform';
import { backoffDelayMs, sleep } from '../backoff';
import {
  DEFAULT_CONSUMER_OPTIONS,
  MESSAGING_OPTIONS,
  type EventConsumerOptions,
  type MessagingOptions,
} from '../messaging.options';
import { ParkedEventRepository } from '../parking/parked-event.repository';
import { ParkedEventScheduler } from '../parking/parked-event.scheduler';
import { lockAggregate, type ParkingAggregate } from '../parking/parking-locks';
import { ConsumerAttemptEntity } from './consumer-attempt.entity';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventApplier } from './event-applier';
import type { EventHandlerFn, HandlerLookup } from './event-handler';
import {
  DependencyNotYetAvailableError,
  EventFailureKind,
  InvalidEventError,
  PermanentEventError,
} from './event-handling.errors';
import { EventValidator, type ValidEvent } from './event-validator';
import type { IncomingRecord } from './incoming-record';

export type ProcessingOutcome = 'handled' | 'duplicate' | 'parked' | 'not-handled-here' | 'dead-lettered';

type Settled = { readonly outcome: ProcessingOutcome; readonly arrived: readonly string[] };

/**
 * Everything between a Kafka record and a handler: envelope and contract validation, the inbox
 * (one effect per event id), durable attempt counting with backoff for transient failures, the DLQ
 * for invalid or permanently failing records, and parking for events whose dependency (another
 * topic's event) has not arrived yet or whose aggregate has earlier events parked. It returns once
 * the record may be committed.
 */
@Injectable()
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);
  private readonly options: EventConsumerOptions;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly validator: EventValidator,
    private readonly applier: EventApplier,
    private readonly parked: ParkedEventRepository,
    private readonly scheduler: ParkedEventScheduler,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...messaging.consumer };
  }

  async process(
    record: IncomingRecord,
    consumerGroup: string,
    findHandler: HandlerLookup,
    heartbeat: () => Promise<void> = () => Promise.resolve(),
  ): Promise<ProcessingOutcome> {
    // Shortcut past validation for another service's events on this topic; an event of a known type
    // on a topic it does not belong to is validated, and dead-lettered for it, like any invalid record.
    const type = record.headers['ce_type'];
    if (type && this.validator.belongsOn(type, record.topic) && !findHandler(type)) return 'not-handled-here';

    let event: ValidEvent;
    try {
      event = await this.validator.validate(record);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      await this.deadLetters.publish(record, {
        kind: EventFailureKind.Invalid,
        reason: error.message,
        attempts: 0,
        consumerGroup,
      });
      return 'dead-lettered';
    }
    const handler = findHandler(event.envelope.type);
    if (!handler) return 'not-handled-here';
    // Log lines written while handling carry the event's correlation id, like those of an HTTP request.
    return CorrelationContext.run(event.envelope.correlationId, () =>
      this.handleWithRetries(record, event, handler, consumerGroup, heartbeat),
    );
  }

  private async handleWithRetries(
    record: IncomingRecord,
    event: ValidEvent,
    handler: EventHandlerFn,
    consumerGroup: string,
    heartbeat: () => Promise<void>,
  ): Promise<ProcessingOutcome> {
    const attemptKey = {
      consumerGroup,
      topic: record.topic,
      partition: record.partition,
      recordOffset: record.offset,
    };
    const aggregate: ParkingAggregate = {
      consumerGroup,
      topic: record.topic,
      aggregateKey: record.key ?? event.envelope.id,
    };
    let attempts =
      (await this.dataSource.getRepository(ConsumerAttemptEntity).findOneBy(attemptKey))?.attempts ?? 0;
    const settle = (careful: boolean) =>
      this.dataSource.transaction(async (manager) => {
        const settled = await this.applyInOrder(manager, aggregate, record, event, handler, careful);
        if (attempts > 0) await manager.delete(ConsumerAttemptEntity, attemptKey);
        return settled;
      });
    for (;;) {
      try {
        const settled = await settle(false).catch((error: unknown) => {
          // Rare path: the effect rolled back; park it, or apply it if the dependency arrived meanwhile.
          if (error instanceof DependencyNotYetAvailableError) return settle(true);
          throw error;
        });
        this.scheduler.wake(settled.arrived);
        return settled.outcome;
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof PermanentEventError) {
          await this.deadLetter(
            record,
            EventFailureKind.Permanent,
            reason,
            attempts + 1,
            consumerGroup,
            attemptKey,
          );
          return 'dead-lettered';
        }
        attempts = await this.recordFailedAttempt(attemptKey, reason);
        if (attempts >= this.options.maxAttempts) {
          await this.deadLetter(
            record,
            EventFailureKind.RetriesExhausted,
            reason,
            attempts,
            consumerGroup,
            attemptKey,
          );
          return 'dead-lettered';
        }
        const delay = backoffDelayMs(attempts, this.options.initialBackoffMs, this.options.maxBackoffMs);
        this.logger.warn(
          `Handler for ${event.envelope.type} (${event.envelope.id}) failed, attempt ${attempts}/${this.options.maxAttempts}; ` +
            `retrying in ${delay} ms: ${reason}`,
        );
        await this.waitWithHeartbeat(delay, heartbeat);
      }
    }
  }

  /**
   * The event's effect, unless earlier events of its aggregate are parked (it parks behind them, so an
   * aggregate's events never overtake each other) or, when `careful`, the handler misses a dependency
   * (it parks waiting for it). Not careful, a missing dependency is thrown and rolls the attempt back:
   * the common path pays for no savepoint and no dependency lock.
   */
  private async applyInOrder(
    manager: EntityManager,
    aggregate: ParkingAggregate,
    record: IncomingRecord,
    event: ValidEvent,
    handler: EventHandlerFn,
    careful: boolean,
  ): Promise<Settled> {
    if (careful || (await this.parked.holdsAny(manager, aggregate))) {
      await lockAggregate(manager, aggregate);
      if (await this.parked.holdsAny(manager, aggregate)) {
        return this.park(
          manager,
          aggregate,
          record,
          event,
          null,
          'earlier events of its aggregate are parked',
        );
      }
    }
    if (!careful) return this.applier.apply(manager, aggregate.consumerGroup, event, handler, record);
    const applied = await this.applier.applyOrReportMissing(
      manager,
      aggregate.consumerGroup,
      event,
      handler,
      record,
    );
    if (applied.outcome !== 'missing-dependency') return applied;
    return this.park(manager, aggregate, record, event, applied.dependencyKey, applied.reason);
  }

  private async park(
    manager: EntityManager,
    aggregate: ParkingAggregate,
    record: IncomingRecord,
    event: ValidEvent,
    dependencyKey: string | null,
    why: string,
  ): Promise<Settled> {
    const processed: unknown[] = await manager.query(
      `SELECT 1 FROM inbox_processed_event WHERE consumer_group = $1 AND event_id = $2`,
      [aggregate.consumerGroup, event.envelope.id],
    );
    if (processed.length > 0) return { outcome: 'duplicate', arrived: [] };
    await this.parked.park(manager, aggregate, record, event.envelope, dependencyKey);
    this.logger.log(
      `Parked ${event.envelope.type} ${event.envelope.id} from ${record.topic}[${record.partition}]@${record.offset}: ${why}`,
    );
    return { outcome: 'parked', arrived: [] };
  }

  private async recordFailedAttempt(
    key: Omit<ConsumerAttemptEntity, 'attempts' | 'lastError' | 'updatedAt'>,
    reason: string,
  ) {
    const rows: { attempts: number }[] = await this.dataSource.query(
      `INSERT INTO consumer_attempt (consumer_group, topic, partition, record_offset, attempts, last_error)
       VALUES ($1, $2, $3, $4, 1, $5)
       ON CONFLICT (consumer_group, topic, partition, record_offset)
       DO UPDATE SET attempts = consumer_attempt.attempts + 1, last_error = EXCLUDED.last_error, updated_at = now()
       RETURNING attempts`,
      [key.consumerGroup, key.topic, key.partition, key.recordOffset, reason.slice(0, 4000)],
    );
    return rows[0].attempts;
  }

  private async deadLetter(
    record: IncomingRecord,
    kind: EventFailureKind,
    reason: string,
    attempts: number,
    consumerGroup: string,
    attemptKey: Partial<ConsumerAttemptEntity>,
  ): Promise<void> {
    await this.deadLetters.publish(record, { kind, reason, attempts, consumerGroup });
    await this.dataSource.getRepository(ConsumerAttemptEntity).delete(attemptKey);
  }

  private async waitWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await sleep(Math.min(this.options.heartbeatIntervalMs, until - Date.now()));
      await heartbeat();
    }
  }
}
