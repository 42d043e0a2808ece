import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  EnvelopeError,
  findEventDefinition,
  fromRecordHeaders,
  type EventMetadata,
} from '@bridges/contracts';
import { CorrelationContext } from '@bridges/platform';
import { backoffDelayMs, sleep } from '../backoff';
import { TopicNamer } from '../kafka/topic-namer';
import {
  DEFAULT_CONSUMER_OPTIONS,
  MESSAGING_OPTIONS,
  type EventConsumerOptions,
  type MessagingOptions,
} from '../messaging.options';
import { recordProcessedEvent } from '../inbox/inbox';
import { OutboxWriter } from '../outbox/outbox-writer';
import { ConsumerAttemptEntity } from './consumer-attempt.entity';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventContext } from './event-context';
import { EventFailureKind, InvalidEventError, PermanentEventError } from './event-handling.errors';
import type { IncomingRecord } from './incoming-record';
import { describeValidationErrors } from './validation-messages';

export type EventHandlerFn = (payload: object, context: EventContext) => Promise<void>;

export type ProcessingOutcome = 'handled' | 'duplicate' | 'not-handled-here' | 'dead-lettered';

interface ValidEvent {
  readonly envelope: EventMetadata;
  readonly payload: object;
}

/**
 * Everything between a Kafka record and a handler: envelope and contract validation, the inbox
 * (one effect per event id), durable attempt counting with backoff for transient failures, and the
 * DLQ for invalid or permanently failing records. It returns once the record may be committed.
 */
@Injectable()
export class EventProcessor {
  private readonly logger = new Logger(EventProcessor.name);
  private readonly options: EventConsumerOptions;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly topics: TopicNamer,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...messaging.consumer };
  }

  async process(
    record: IncomingRecord,
    consumerGroup: string,
    findHandler: (eventType: string) => EventHandlerFn | undefined,
    heartbeat: () => Promise<void> = () => Promise.resolve(),
  ): Promise<ProcessingOutcome> {
    const type = record.headers['ce_type'];
    if (type && findEventDefinition(type) && !findHandler(type)) return 'not-handled-here';

    let event: ValidEvent;
    try {
      event = await this.validate(record);
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

  private async validate(record: IncomingRecord): Promise<ValidEvent> {
    let envelope: EventMetadata;
    try {
      envelope = fromRecordHeaders(record.headers);
    } catch (error) {
      if (error instanceof EnvelopeError) throw new InvalidEventError(`invalid envelope: ${error.message}`);
      throw error;
    }
    const definition = findEventDefinition(envelope.type);
    const wireTopic = this.topics.wire(record.topic);
    if (!definition) throw new InvalidEventError(`unknown event type ${envelope.type} on ${wireTopic}`);
    if (definition.topic !== wireTopic) {
      throw new InvalidEventError(
        `event type ${envelope.type} belongs on ${definition.topic}, not ${wireTopic}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(record.value?.toString('utf8') ?? '');
    } catch {
      throw new InvalidEventError('payload is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InvalidEventError('payload must be a JSON object');
    }
    const payload = plainToInstance(definition.payload, json);
    // Tolerant reader: unknown properties are stripped, not rejected (additive changes stay compatible).
    const errors = await validate(payload, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      throw new InvalidEventError(
        `payload violates ${definition.type}: ${describeValidationErrors(errors).join('; ')}`,
      );
    }
    const subject = definition.subjectOf(payload);
    if (subject !== envelope.subject || (record.key !== null && record.key !== subject)) {
      throw new InvalidEventError(
        `aggregate id mismatch: payload says ${subject}, ce_subject ${envelope.subject}, key ${String(record.key)}`,
      );
    }
    return { envelope, payload };
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
    let attempts =
      (await this.dataSource.getRepository(ConsumerAttemptEntity).findOneBy(attemptKey))?.attempts ?? 0;
    for (;;) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          if (!(await recordProcessedEvent(manager, consumerGroup, event.envelope.id, event.envelope.type))) {
            return 'duplicate' as const;
          }
          await handler(event.payload, new EventContext(event.envelope, manager, record, this.outbox));
          if (attempts > 0) await manager.delete(ConsumerAttemptEntity, attemptKey);
          return 'handled' as const;
        });
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
