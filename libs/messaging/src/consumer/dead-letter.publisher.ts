import { Injectable, Logger } from '@nestjs/common';
import { DeadLetterHeader } from '@bridges/contracts';
import { KafkaConnection } from '../kafka/kafka-connection';
import { TopicNamer } from '../kafka/topic-namer';
import type { EventFailureKind } from './event-handling.errors';
import type { IncomingRecord } from './incoming-record';

/** Why a record is dead-lettered, as written in its DLQ headers. */
export interface DeadLetterFailure {
  readonly kind: EventFailureKind;
  readonly reason: string;
  readonly attempts: number;
  readonly consumerGroup: string;
}

/** Told of each record once it is on its DLQ (e.g. a service keeping its own list of rejects). */
export type DeadLetterListener = (
  record: IncomingRecord,
  failure: DeadLetterFailure & { readonly wireTopic: string },
) => Promise<void> | void;

/**
 * Moves a record that cannot be processed to `<topic>.dlq`, unchanged, with headers saying why and
 * where it came from. Throws if the DLQ write fails: the record is then redelivered, never dropped.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);
  private count = 0;
  private readonly listeners: DeadLetterListener[] = [];

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: TopicNamer,
  ) {}

  /**
   * Calls `listener` after each record this instance dead-letters. The DLQ topic stays the record of
   * truth: a listener runs only once the DLQ write succeeded, and its failure is logged, never
   * thrown, so it can neither lose nor duplicate a dead letter.
   */
  onDeadLettered(listener: DeadLetterListener): void {
    this.listeners.push(listener);
  }

  async publish(record: IncomingRecord, failure: DeadLetterFailure): Promise<void> {
    const wireTopic = this.topics.wire(record.topic);
    const producer = await this.kafka.getProducer();
    await producer.send({
      topic: this.topics.deadLetter(wireTopic),
      acks: -1,
      messages: [
        {
          key: record.key,
          value: record.value,
          headers: {
            ...record.headers,
            [DeadLetterHeader.Reason]: failure.reason.slice(0, 4000),
            [DeadLetterHeader.ErrorKind]: failure.kind,
            [DeadLetterHeader.OriginalTopic]: wireTopic,
            [DeadLetterHeader.OriginalPartition]: String(record.partition),
            [DeadLetterHeader.OriginalOffset]: record.offset,
            [DeadLetterHeader.Attempts]: String(failure.attempts),
            [DeadLetterHeader.ConsumerGroup]: failure.consumerGroup,
            [DeadLetterHeader.FailedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    this.count++;
    this.logger.warn(
      `Dead-lettered ${wireTopic}[${record.partition}]@${record.offset} (${failure.kind}): ${failure.reason}. ` +
        `Inspect it on ${this.topics.deadLetter(wireTopic)}; fix the producer or the handler, then replay it.`,
    );
    for (const listener of this.listeners) {
      try {
        await listener(record, { ...failure, wireTopic });
      } catch (error) {
        this.logger.error(
          `A dead-letter listener failed for ${wireTopic}[${record.partition}]@${record.offset} (the record is on the DLQ): ${String(error)}`,
        );
      }
    }
  }

  /** Records dead-lettered by this instance since it started. */
  get deadLettered(): number {
    return this.count;
  }
}
