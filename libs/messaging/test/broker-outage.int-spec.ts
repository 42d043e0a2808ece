import type { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PartnershipEstablishedV1Event, Topics } from '@bridges/contracts';
import { createTestDatabase, freePort, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { provisionTopics, startKafka, stopKafka, type KafkaState } from '../../../tools/infra';
import { OutboxRelay, OutboxWriter } from '../src';
import { partnershipEstablished } from './support/partnership-events';
import { startMessagingTestApp } from './support/messaging-test-app';

// A broker of its own: stopping the shared one would break every other test file running in parallel.
jest.setTimeout(240_000);

describe('OutboxRelay during a broker outage', () => {
  const prefix = uniqueTopicPrefix();
  const topic = `${prefix}${Topics.matching.partnership}`;
  const dir = join(__dirname, '..', '..', '..', '.local', `kafka-outage-${randomBytes(3).toString('hex')}`);
  let ports: { port: number; controllerPort: number };
  let broker: KafkaState | undefined;
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let outbox: OutboxWriter;
  let probe: TopicProbe | undefined;

  /** Event ids per key, in commit order. */
  const written = new Map<string, string[]>();
  const keys = Array.from({ length: 6 }, () => randomUUID());

  const writeEvents = async (perKey: number): Promise<void> => {
    for (let i = 0; i < perKey; i++) {
      for (const key of keys) {
        const meta = await dataSource.transaction((manager) =>
          outbox.append(manager, PartnershipEstablishedV1Event, partnershipEstablished(key)),
        );
        written.set(key, [...(written.get(key) ?? []), meta.id]);
      }
    }
  };

  beforeAll(async () => {
    ports = { port: await freePort(), controllerPort: await freePort() };
    broker = await startKafka({ ...ports, dir });
    await provisionTopics(broker.brokers, {
      prefix,
      topics: [{ name: Topics.matching.partnership, partitions: 3 }],
    });
    db = await createTestDatabase('outage');
    app = await startMessagingTestApp({
      databaseUrl: db.url,
      consume: false,
      messaging: {
        brokers: broker.brokers,
        clientId: 'outage-test',
        serviceName: 'outage-test',
        consumerGroupId: `outage-${prefix}`,
        topicPrefix: prefix,
        relay: { pollIntervalMs: 200, initialBackoffMs: 100, maxBackoffMs: 1_000 },
      },
    });
    dataSource = app.get(DataSource);
    outbox = app.get(OutboxWriter);
  });

  afterAll(async () => {
    await probe?.stop();
    await app?.close();
    await db?.drop();
    if (broker) await stopKafka(broker);
    rmSync(dir, { recursive: true, force: true });
  });

  it('should publish every event committed while the broker was down, none lost, in commit order per key', async () => {
    await writeEvents(5);
    const relay = app.get(OutboxRelay);
    const drained = async () => {
      const deadline = Date.now() + 120_000;
      while ((await relay.backlog()) > 0) {
        if (Date.now() > deadline) throw new Error(`outbox still holds ${await relay.backlog()} events`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await drained();

    await stopKafka(broker!);
    await writeEvents(10); // writes keep committing: the outbox holds the events
    expect(await relay.backlog()).toBe(60);

    broker = await startKafka({ ...ports, dir });
    await drained();

    probe = await TopicProbe.start(broker.brokers, [topic]);
    const total = [...written.values()].reduce((n, ids) => n + ids.length, 0);
    expect(total).toBe(90);
    await probe.waitForCount(() => true, total, 60_000);
    for (const key of keys) {
      const seen = probe
        .all()
        .filter((r) => r.key === key)
        .map((r) => r.headers.ce_id);
      // At-least-once: a retried batch may repeat a record, never reorder or drop one.
      const firstSeen = seen.filter((id, i) => seen.indexOf(id) === i);
      expect(firstSeen).toEqual(written.get(key));
    }
  });
});
