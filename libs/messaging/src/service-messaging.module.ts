import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv } from '@bridges/platform';
import type { EventConsumerOptions, OutboxRelayOptions } from './messaging.options';
import { MessagingModule } from './messaging.module';
import { MessagingObservability } from './messaging.observability';

export interface ServiceMessagingOptions {
  /** e.g. `registry`; events carry `ce_source: /bridges/registry`, the consumer group is `bridges-registry`. */
  readonly serviceName: string;
  readonly relay?: Partial<OutboxRelayOptions>;
  readonly consumer?: Partial<EventConsumerOptions>;
}

/**
 * Messaging for a service, configured from its env (KAFKA_BROKERS, KAFKA_CLIENT_ID,
 * KAFKA_TOPIC_PREFIX), with Kafka readiness and messaging metrics registered with the platform.
 */
@Module({})
export class ServiceMessagingModule {
  static forRoot(options: ServiceMessagingOptions): DynamicModule {
    return {
      module: ServiceMessagingModule,
      imports: [
        MessagingModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => ({
            brokers: env.KAFKA_BROKERS,
            clientId: env.KAFKA_CLIENT_ID,
            serviceName: options.serviceName,
            // The prefix isolates test runs: their groups must not share offsets either.
            consumerGroupId: `${env.KAFKA_TOPIC_PREFIX}bridges-${options.serviceName}`,
            topicPrefix: env.KAFKA_TOPIC_PREFIX,
            relay: options.relay,
            consumer: options.consumer,
          }),
        }),
      ],
      providers: [MessagingObservability],
    };
  }
}
