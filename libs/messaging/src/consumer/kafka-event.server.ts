import { Inject, Injectable, Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Consumer, IHeaders } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { findEventDefinition } from '@bridges/contracts';
import { KafkaConnection } from '../kafka/kafka-connection';
import { TopicNamer } from '../kafka/topic-namer';
import { DEFAULT_CONSUMER_OPTIONS, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { ParkedEventResumer } from '../parking/parked-event.resumer';
import { ParkedEventScheduler } from '../parking/parked-event.scheduler';
import type { EventContext } from './event-context';
import type { EventHandlerFn } from './event-handler';
import { EventProcessor } from './event-processor';
import type { IncomingRecord } from './incoming-record';

function decodeHeaders(headers: IHeaders | undefined): Record<string, string | undefined> {
  const decoded: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    decoded[name] = first === undefined ? undefined : first.toString();
  }
  return decoded;
}

/**
 * A Nest microservice transport that feeds `@OnEvent` handlers from Kafka through the
 * {@link EventProcessor}. It subscribes to exactly the topics whose events this service handles,
 * in one explicit consumer group shared by all instances of the service.
 */
@Injectable()
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly processor: EventProcessor,
    private readonly resumer: ParkedEventResumer,
    private readonly parking: ParkedEventScheduler,
    private readonly topics: TopicNamer,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.parking.stop();
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Topics (physical names) this service consumes, derived from its handlers. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const type of this.getHandlers().keys()) {
      const definition = findEventDefinition(type);
      if (!definition)
        throw new Error(`@OnEvent("${type}") names no event of libs/contracts/src/events/event-catalog.ts`);
      topics.add(this.topics.physical(definition.topic));
    }
    return [...topics].sort();
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
    if (topics.length === 0) return;
    const options = { ...DEFAULT_CONSUMER_OPTIONS, ...this.messaging.consumer };
    const groupId = this.messaging.consumerGroupId;
    const consumer = this.kafka.createConsumer({
      groupId,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: options.fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const record: IncomingRecord = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: decodeHeaders(message.headers),
        };
        await this.processor.process(record, groupId, (type) => this.handlerFor(type), heartbeat);
      },
    });
    // Parked events resume through the same handlers: at once when their dependency arrives, and periodically.
    this.parking.start(groupId, (dependencyKey) =>
      this.resumer.resume(dependencyKey, groupId, (type) => this.handlerFor(type)),
    );
    this.logger.log(`Consuming ${topics.join(', ')} as group ${groupId}`);
  }

  private handlerFor(type: string): EventHandlerFn | undefined {
    const handler = this.getHandlerByPattern(type);
    if (!handler) return undefined;
    return async (payload: object, context: EventContext) => {
      const result: unknown = await handler(payload, context);
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
  }
}
