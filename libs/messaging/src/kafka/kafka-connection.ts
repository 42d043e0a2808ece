import { Logger } from '@nestjs/common';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type ConsumerConfig,
  type Producer,
  type SASLOptions,
} from 'kafkajs';

/** How a client proves itself to a secured cluster (KAFKA_SSL, KAFKA_SASL_* of the service env). */
export interface KafkaSecurity {
  /** TLS to the brokers, verified against the system's certificate authorities. */
  readonly ssl: boolean;
  readonly sasl?: {
    readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    readonly username: string;
    readonly password: string;
  };
}

/**
 * The only place that constructs kafkajs clients: swapping the Kafka client library later means
 * changing this folder, not the services.
 */
export class KafkaConnection {
  private readonly logger = new Logger(KafkaConnection.name);
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();

  constructor(brokers: readonly string[], clientId: string, security?: KafkaSecurity) {
    this.kafka = new Kafka({
      clientId,
      brokers: [...brokers],
      ssl: security?.ssl ?? false,
      sasl: security?.sasl as SASLOptions | undefined,
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: { initialRetryTime: 200, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => {
        const { message, ...extra } = entry.log;
        // We bound retries on purpose (a relay batch must fail and back off, not hang); we use no
        // Kafka transactions, so the exactly-once caveat kafkajs warns about does not apply.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const line = `${entry.namespace}: ${message} ${JSON.stringify(extra)}`;
        if (entry.level <= logLevel.ERROR) this.logger.error(line);
        else this.logger.warn(line);
      },
    });
  }

  /**
   * The shared producer: acks from all in-sync replicas, idempotent (no duplicates from its own
   * retries), and the Java-compatible murmur2 partitioner so a key maps to the same partition as
   * it would from any Java producer.
   */
  getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        retry: { initialRetryTime: 200, retries: 5 },
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  /**
   * Drops the shared producer after a failed send, so the next attempt starts from a fresh
   * connection and metadata (e.g. after the broker restarted).
   */
  async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  createConsumer(config: ConsumerConfig): Consumer {
    const consumer = this.kafka.consumer({ allowAutoTopicCreation: false, ...config });
    this.consumers.add(consumer);
    return consumer;
  }

  admin(): Admin {
    return this.kafka.admin();
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await Promise.allSettled([
      ...[...this.consumers].map((c) => c.disconnect()),
      producer?.then((p) => p.disconnect()),
    ]);
    this.consumers.clear();
  }
}
