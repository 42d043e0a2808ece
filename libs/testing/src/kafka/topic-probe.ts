import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';

/** A record as a test sees it: decoded key, JSON value (or raw text when not JSON) and headers. */
export interface ProbedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Record<string, string>;
}

/**
 * Reads topics from the beginning in a group of its own and lets a test wait for the record it
 * expects: `await probe.waitFor((r) => r.headers.ce_type === '...')`.
 */
export class TopicProbe {
  private readonly records: ProbedRecord[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(brokers: string[], topics: string[]): Promise<TopicProbe> {
    const kafka = new Kafka({ clientId: 'topic-probe', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, allowAutoTopicCreation: false });
    const probe = new TopicProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const text = message.value?.toString('utf8') ?? null;
        let value: unknown = text;
        try {
          value = text === null ? null : JSON.parse(text);
        } catch {
          // keep the raw text: malformed records are what DLQ tests look at
        }
        const headers: Record<string, string> = {};
        for (const [name, raw] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(raw) ? raw[0] : raw;
          if (first !== undefined) headers[name] = first.toString();
        }
        probe.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value,
          headers,
        });
        probe.waiters.forEach((wake) => wake());
        return Promise.resolve();
      },
    });
    return probe;
  }

  /** Every record received so far, in arrival order. */
  all(): readonly ProbedRecord[] {
    return this.records;
  }

  /** Resolves with the first record matching `predicate` (already received or arriving). */
  async waitFor(predicate: (record: ProbedRecord) => boolean, timeoutMs = 20_000): Promise<ProbedRecord> {
    const [found] = await this.waitForCount(predicate, 1, timeoutMs);
    return found;
  }

  /** Resolves once `count` matching records arrived; rejects with what did arrive on timeout. */
  waitForCount(
    predicate: (record: ProbedRecord) => boolean,
    count: number,
    timeoutMs = 20_000,
  ): Promise<ProbedRecord[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const matching = this.records.filter(predicate);
        if (matching.length < count) return false;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(matching.slice(0, count));
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const matching = this.records.filter(predicate).length;
        reject(
          new Error(
            `timed out after ${timeoutMs} ms: ${matching}/${count} matching records of ${this.records.length} received`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Produces raw records, including ones no service would write (malformed tests). */
export async function rawProducer(brokers: string[]): Promise<Producer & { close(): Promise<void> }> {
  const kafka = new Kafka({ clientId: 'raw-test-producer', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return Object.assign(producer, { close: () => producer.disconnect() });
}
