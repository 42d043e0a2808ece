import { Kafka, logLevel, type Admin } from 'kafkajs';
import { waitUntil } from '@bridges/testing';

/** What KEDA's Kafka scaler reads: a consumer group's committed offsets against the topic's ends. */
export class ConsumerGroupWatch {
  private constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
  ) {}

  static async connect(brokers: string[], groupId: string): Promise<ConsumerGroupWatch> {
    const admin = new Kafka({ clientId: 'bench-throughput', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    return new ConsumerGroupWatch(admin, groupId);
  }

  /** Waits until the group has a member and is Stable, so records sent next are consumed from here on. */
  async waitStable(): Promise<void> {
    await waitUntil(
      async () => {
        const { groups } = await this.admin.describeGroups([this.groupId]);
        return groups[0]?.state === 'Stable' && groups[0].members.length > 0;
      },
      120_000,
      `consumer group ${this.groupId} stable`,
    );
  }

  /** Records of `topic` not yet committed by the group (a partition never committed counts from 0). */
  async lag(topic: string): Promise<number> {
    const [ends, [committed]] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.admin.fetchOffsets({ groupId: this.groupId, topics: [topic] }),
    ]);
    const done = new Map(committed.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]));
    return ends.reduce((sum, p) => sum + Number(p.high) - (done.get(p.partition) ?? 0), 0);
  }

  /** Waits until the group has committed every record of `topic`. */
  async waitDrained(topic: string, timeoutMs: number): Promise<void> {
    await waitUntil(
      async () => (await this.lag(topic)) === 0,
      timeoutMs,
      `${this.groupId} drained ${topic}`,
      50,
    );
  }

  close(): Promise<void> {
    return this.admin.disconnect();
  }
}
