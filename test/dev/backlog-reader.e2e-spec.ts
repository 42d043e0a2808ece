/**
 * What `npm start` reads to say when the services have caught up (tools/dev/backlog-reader.ts),
 * against the real Kafka and PostgreSQL: consumer lag of a group, and the rows of an outbox.
 */
import { Client } from 'pg';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { consumerGroupLag, createBacklogReader, outboxBacklog } from '../../tools/dev/backlog-reader';

describe('backlog reader (Kafka + PostgreSQL)', () => {
  const prefix = uniqueTopicPrefix();
  const topic = `${prefix}dev.backlog-probe.v1`;
  const groupId = `${prefix}bridges-probe`;
  const kafka = new Kafka({
    clientId: 'backlog-reader-test',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;
  let database: TestDatabase;

  beforeAll(async () => {
    await provisionTestTopics(prefix, [{ name: 'dev.backlog-probe.v1', partitions: 2 }]);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    // 3 records on partition 0, 2 on partition 1.
    await producer.send({
      topic,
      messages: [0, 0, 0, 1, 1].map((partition, i) => ({ partition, key: `k${i}`, value: `v${i}` })),
    });
    database = await createTestDatabase('backlog_reader');
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await database.drop();
  });

  it('should count nothing for a group that neither exists nor committed anything', async () => {
    expect(await consumerGroupLag(admin, `${prefix}bridges-nobody`)).toBe(0);
  });

  it('should count every record of an assigned topic while a running member has committed nothing', async () => {
    consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const seen: string[] = [];
    // Reads everything but commits nothing: the lag must come from the member's assignment.
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => {
        seen.push(String(message.key));
        return Promise.resolve();
      },
    });
    await waitUntil(() => seen.length === 5, 30_000, 'the probe consumer to read the 5 records');

    expect(await consumerGroupLag(admin, groupId)).toBe(5);

    await consumer.commitOffsets([
      { topic, partition: 0, offset: '2' },
      { topic, partition: 1, offset: '2' },
    ]);
    expect(await consumerGroupLag(admin, groupId)).toBe(1);
  });

  it('should read the lag from the committed offsets once the group has no member left', async () => {
    await consumer!.disconnect();
    consumer = undefined;

    expect(await consumerGroupLag(admin, groupId)).toBe(1);
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '3' }] });
    expect(await consumerGroupLag(admin, groupId)).toBe(0);
  });

  it("should count the outbox's rows, and nothing where the service has not migrated yet", async () => {
    expect(await outboxBacklog(database.url)).toBe(0);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE outbox_message (id bigserial PRIMARY KEY)');
      await client.query('INSERT INTO outbox_message SELECT FROM generate_series(1, 2)');
    } finally {
      await client.end();
    }
    expect(await outboxBacklog(database.url)).toBe(2);
  });

  it('should read lag and outbox per service under the consumer group name the services use', async () => {
    await producer.send({ topic, messages: [{ partition: 1, key: 'k5', value: 'v5' }] });
    const reader = createBacklogReader({
      brokers: testKafkaBrokers(),
      services: [{ name: 'probe', databaseUrl: database.url }],
      topicPrefix: prefix,
    });
    try {
      expect(await reader.read()).toEqual([{ service: 'probe', consumerLag: 1, outbox: 2 }]);
    } finally {
      await reader.close();
    }
  });
});
