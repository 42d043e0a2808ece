import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv } from '@bridges/platform';
import type { EventConsumerOptions, OutboxRelayOptions } from './messaging.options';
import { MessagingModule } from './messaging.module';
import { MessagingObservability } from './messaging.observability';

export interface ServiceMessagingOptions<E extends BaseEnv = BaseEnv> {
  /** e.g. `registry`; events carry `ce_source: /bridges/registry`, the consumer group is `bridges-registry`. */
  readonly serviceName: string;
  readonly relay?: Partial<OutboxRelayOptions>;
  /** Fixed, or read from the service's env class (`E`, the class given to PlatformModule). */
  readonly consumer?: Partial<EventConsumerOptions> | ((env: E) => Partial<EventConsumerOptions>);
}

/**
 * Messaging for a service, configured from its env (KAFKA_BROKERS, KAFKA_CLIENT_ID, KAFKA_SSL,
 * KAFKA_SASL_*, KAFKA_TOPIC_PREFIX), with Kafka readiness and messaging metrics registered with the platform.
 */
@Module({})
export class ServiceMessagingModule {
  static forRoot<E extends BaseEnv = BaseEnv>(options: ServiceMessagingOptions<E>): DynamicModule {
    return {
      module: ServiceMessagingModule,
      imports: [
        MessagingModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => ({
            brokers: env.KAFKA_BROKERS,
            clientId: env.KAFKA_CLIENT_ID,
            security: env.kafkaSecurity(),
            serviceName: options.serviceName,
            // The prefix isolates test runs: their groups must not share offsets either.
            consumerGroupId: `${env.KAFKA_TOPIC_PREFIX}bridges-${options.serviceName}`,
            topicPrefix: env.KAFKA_TOPIC_PREFIX,
            relay: options.relay,
            // BaseEnv is provided as the service's own env instance (PlatformModule), so this is an E.
            consumer: typeof options.consumer === 'function' ? options.consumer(env as E) : options.consumer,
          }),
        }),
      ],
      providers: [MessagingObservability],
    };
  }
}
