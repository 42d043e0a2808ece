import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { EventApplier } from './consumer/event-applier';
import { EventProcessor } from './consumer/event-processor';
import { EventValidator } from './consumer/event-validator';
import { KafkaEventServer } from './consumer/kafka-event.server';
import { KafkaConnection } from './kafka/kafka-connection';
import { TopicNamer } from './kafka/topic-namer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { ParkedEventRepository } from './parking/parked-event.repository';
import { ParkedEventResumer } from './parking/parked-event.resumer';
import { ParkedEventScheduler } from './parking/parked-event.scheduler';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
  readonly useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * Outbox writer and relay, the Kafka event consumer, and the DLQ, for one service. Needs the
 * service's TypeORM data source (with MESSAGING_ENTITIES and MESSAGING_MIGRATIONS registered).
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: KafkaConnection,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new KafkaConnection(o.brokers, o.clientId, o.security),
        },
        {
          provide: TopicNamer,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new TopicNamer(o.topicPrefix),
        },
        OutboxWriter,
        OutboxRelay,
        DeadLetterPublisher,
        EventValidator,
        EventApplier,
        ParkedEventRepository,
        ParkedEventScheduler,
        ParkedEventResumer,
        EventProcessor,
        KafkaEventServer,
        {
          // Closes the Kafka clients last, after the relay and the consumer stopped.
          provide: 'KAFKA_CONNECTION_CLOSER',
          inject: [KafkaConnection],
          useFactory: (connection: KafkaConnection) => ({ onApplicationShutdown: () => connection.close() }),
        },
      ],
      exports: [
        MESSAGING_OPTIONS,
        KafkaConnection,
        TopicNamer,
        OutboxWriter,
        OutboxRelay,
        DeadLetterPublisher,
        ParkedEventRepository,
        KafkaEventServer,
      ],
    };
  }
}
