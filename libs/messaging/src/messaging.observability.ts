import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsService, ReadinessRegistry } from '@bridges/platform';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { KafkaEventServer } from './consumer/kafka-event.server';
import { KafkaConnection } from './kafka/kafka-connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { ParkedEventRepository } from './parking/parked-event.repository';

/** How long a consumer-lag reading is reused: computing it asks the broker twice per topic. */
const LAG_CACHE_MS = 10_000;

/**
 * Registers Kafka and the outbox backlog in /health/ready (as non-critical: they degrade the
 * service, they do not stop it) and exposes outbox backlog, dead-lettered records, consumer lag
 * and parked events on /metrics. Values are computed when Prometheus scrapes, not on a timer.
 */
@Injectable()
export class MessagingObservability implements OnModuleInit {
  private lag: { at: number; byPartition: { topic: string; partition: number; lag: number }[] } = {
    at: 0,
    byPartition: [],
  };

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly parked: ParkedEventRepository,
    private readonly server: KafkaEventServer,
    private readonly metrics: MetricsService,
    private readonly readiness: ReadinessRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onModuleInit(): void {
    this.readiness.register({
      name: 'kafka',
      // Not critical: writes still commit to the outbox while the broker is away, and the relay
      // publishes them when it is back. A broker outage degrades the service; it must not unready it.
      critical: false,
      check: async () => {
        const admin = this.kafka.admin();
        await admin.connect();
        try {
          await admin.describeCluster();
        } finally {
          await admin.disconnect();
        }
      },
    });
    this.readiness.register({
      name: 'outbox',
      critical: false,
      check: async () => ({ backlog: await this.relay.backlog() }),
    });
    this.metrics.gauge({
      name: 'bridges_outbox_backlog',
      help: 'Events committed to the outbox and not yet acknowledged by Kafka',
      collect: async function (this: { set(v: number): void }) {
        this.set(await relay.backlog());
      },
    });
    const relay = this.relay;
    const deadLetters = this.deadLetters;
    this.metrics.gauge({
      name: 'bridges_dead_lettered_records',
      help: 'Records this instance moved to a .dlq topic since it started',
      collect: function (this: { set(v: number): void }) {
        this.set(deadLetters.deadLettered);
      },
    });
    const parkingStats = () => this.parked.stats(this.options.consumerGroupId);
    this.metrics.gauge({
      name: 'bridges_parked_events',
      help: "Events this service's consumer group parked until another topic's event they need arrives",
      collect: async function (this: { set(v: number): void }) {
        this.set((await parkingStats()).parked);
      },
    });
    this.metrics.gauge({
      name: 'bridges_parked_event_oldest_age_seconds',
      help: 'How long the oldest parked event has waited (0 when none); alert above the parked-event threshold',
      collect: async function (this: { set(v: number): void }) {
        this.set((await parkingStats()).oldestAgeSeconds);
      },
    });
    const readLag = () => this.consumerLag();
    this.metrics.gauge({
      name: 'bridges_consumer_lag',
      help: "Records not yet consumed by this service's consumer group, per topic partition",
      labelNames: ['topic', 'partition'],
      collect: async function (this: { set(labels: Record<string, string>, v: number): void }) {
        for (const { topic, partition, lag } of await readLag())
          this.set({ topic, partition: String(partition) }, lag);
      },
    });
  }

  private async consumerLag(): Promise<{ topic: string; partition: number; lag: number }[]> {
    if (Date.now() - this.lag.at < LAG_CACHE_MS) return this.lag.byPartition;
    const topics = this.server.subscribedTopics();
    if (topics.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId: this.options.consumerGroupId, topics });
      const byPartition: { topic: string; partition: number; lag: number }[] = [];
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const end = Number(ends.find((e) => e.partition === partition)?.high ?? 0);
          const done = Number(offset) < 0 ? 0 : Number(offset);
          byPartition.push({ topic, partition, lag: Math.max(0, end - done) });
        }
      }
      this.lag = { at: Date.now(), byPartition };
      return byPartition;
    } finally {
      await admin.disconnect();
    }
  }
}
