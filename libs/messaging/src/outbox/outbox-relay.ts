import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { backoffDelayMs, sleep } from '../backoff';
import { KafkaConnection } from '../kafka/kafka-connection';
import { TopicNamer } from '../kafka/topic-namer';
import {
  DEFAULT_RELAY_OPTIONS,
  MESSAGING_OPTIONS,
  type MessagingOptions,
  type OutboxRelayOptions,
} from '../messaging.options';
import { OUTBOX_LANES, OUTBOX_NOTIFY_CHANNEL } from './outbox-lanes';

/** Advisory-lock namespace of outbox lanes (the second key is the lane number). */
const LANE_LOCK_NAMESPACE = 727_100;

interface OutboxRow {
  id: string;
  topic: string;
  record_key: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Publishes committed outbox rows to Kafka, in commit order per key, and deletes them once Kafka
 * acknowledged. Safe with any number of instances: each batch holds transaction-scoped advisory
 * locks on the lanes it reads, so one lane (and so one key) is never relayed by two instances at once.
 * A broker outage only delays events: rows stay until a publish succeeds.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly options: OutboxRelayOptions;
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  /** Whether a commit was announced since the current pass began (a NOTIFY must never be lost). */
  private notified = false;
  /** Notifications end a poll wait, but not a backoff wait: an outage must not be retried at commit rate. */
  private wakeOnNotify = false;
  private listener?: Client;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly topics: TopicNamer,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...messaging.relay };
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Publishes one batch. Returns how many events were published (0 when none was waiting). */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `WITH claimed AS (
           SELECT lane FROM generate_series(0, $1::int - 1) AS lane WHERE pg_try_advisory_xact_lock($2::int, lane)
         )
         SELECT id, topic, record_key, headers, payload FROM outbox_message
          WHERE lane IN (SELECT lane FROM claimed)
          ORDER BY id
          LIMIT $3`,
        [OUTBOX_LANES, LANE_LOCK_NAMESPACE, this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      const producer = await this.kafka.getProducer();
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const topic = this.topics.physical(row.topic);
        const messages = byTopic.get(topic) ?? [];
        messages.push({ key: row.record_key, value: row.payload, headers: row.headers });
        byTopic.set(topic, messages);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      await manager.query('DELETE FROM outbox_message WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** Events committed but not yet published; the backlog an operator watches. */
  async backlog(): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM outbox_message',
    );
    return count;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.notified = false;
        const published = await this.relayOnce();
        if (failures > 0) this.logger.log(`Outbox relay recovered after ${failures} failed attempt(s)`);
        failures = 0;
        // A NOTIFY that arrived while this pass ran means more rows may have committed behind it.
        if (published < this.options.batchSize && !this.notified) {
          await this.waitForWork(this.options.pollIntervalMs, true);
        }
      } catch (error) {
        failures++;
        await this.kafka.resetProducer();
        const delay = backoffDelayMs(failures, this.options.initialBackoffMs, this.options.maxBackoffMs);
        this.logger.warn(
          `Outbox relay could not publish (attempt ${failures}, retrying in ${delay} ms; events stay in the outbox ` +
            `until Kafka is reachable — check KAFKA_BROKERS and the broker): ${String(error)}`,
        );
        await this.waitForWork(delay, false);
      }
    }
  }

  private waitForWork(ms: number, wakeOnNotify: boolean): Promise<void> {
    this.wakeOnNotify = wakeOnNotify;
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const self = this;
      function done(): void {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  /** LISTEN on a dedicated connection, so a commit anywhere wakes this relay without polling. */
  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as PostgresConnectionOptions;
    while (this.running) {
      const client = new Client({ connectionString: url, application_name: 'outbox-relay-listener' });
      try {
        client.on('notification', () => {
          this.notified = true;
          if (this.wakeOnNotify) this.wake?.();
        });
        const ended = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
        this.listener = client;
        if (!this.running) await client.end();
        await ended;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (this.running) await sleep(1_000);
    }
  }
}
