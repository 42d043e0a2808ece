import { Injectable, Logger } from '@nestjs/common';
import { DeadLetterHeader } from '@bridges/contracts';
import { KafkaConnection } from '../kafka/kafka-connection';
import { TopicNamer } from '../kafka/topic-namer';
import type { EventFailureKind } from './event-handling.errors';
import type { IncomingRecord } from './incoming-record';

/**
 * Moves a record that cannot be processed to `<topic>.dlq`, unchanged, with headers saying why and
 * where it came from. Throws if the DLQ write fails: the record is then redelivered, never dropped.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);
  private count = 0;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: TopicNamer,
  ) {}

  async publish(
    record: IncomingRecord,
    failure: { kind: EventFailureKind; reason: string; attempts: number; consumerGroup: string },
  ): Promise<void> {
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
  }

  /** Records dead-lettered by this instance since it started. */
  get deadLettered(): number {
    return this.count;
  }
}
