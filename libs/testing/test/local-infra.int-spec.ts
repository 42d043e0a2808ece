import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@bridges/testing';

describe('test infrastructure (real PostgreSQL and Kafka)', () => {
  describe('createTestDatabase', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase();
    });

    afterAll(async () => {
      await database.drop();
    });

    it('should give each test file its own database that accepts writes', async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('create table note (id int primary key, body text not null)');
        await client.query(`insert into note values (1, 'привіт'), (2, 'hello')`);
        const { rows } = await client.query<{ db: string; count: string }>(
          'select current_database() as db, count(*)::text as count from note',
        );
        expect(rows).toEqual([{ db: database.name, count: '2' }]);
      } finally {
        await client.end();
      }
    });

    it('should drop the database when asked', async () => {
      const other = await createTestDatabase();
      await other.drop();
      const client = new Client({ connectionString: other.url });
      await expect(client.connect()).rejects.toThrow(/does not exist/);
    });
  });

  describe('Kafka', () => {
    const prefix = uniqueTopicPrefix();
    const topic = `${prefix}infra.check.v1`;
    const kafka = new Kafka({
      clientId: 'local-infra-int-spec',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    let producer: Producer;
    let consumer: Consumer | undefined;

    beforeAll(async () => {
      await provisionTestTopics(prefix, [{ name: 'infra.check.v1', partitions: 3 }]);
      producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
      await producer.connect();
    });

    afterAll(async () => {
      await consumer?.disconnect();
      await producer.disconnect();
    });

    it('should create the prefixed topic and its .dlq with 3 partitions each', async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] });
        expect(topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual([
          [topic, 3],
          [`${topic}.dlq`, 3],
        ]);
      } finally {
        await admin.disconnect();
      }
    });

    it('should be idempotent when the topics exist already', async () => {
      const again = await provisionTestTopics(prefix, [{ name: 'infra.check.v1', partitions: 3 }]);
      expect(again).toEqual({ created: [], existing: [topic, `${topic}.dlq`] });
    });

    it('should not auto-create topics that were never provisioned', async () => {
      const impatient = new Kafka({
        clientId: 'local-infra-int-spec-no-retry',
        brokers: testKafkaBrokers(),
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await impatient.connect();
      try {
        await expect(
          impatient.send({ topic: `${prefix}never.provisioned.v1`, messages: [{ value: 'x' }] }),
        ).rejects.toThrow(/does not host this topic-partition/);
      } finally {
        await impatient.disconnect();
      }
    });

    it('should deliver keyed messages to a consumer group, in order per key, one partition per key', async () => {
      const keys = ['hromada-1', 'hromada-2', 'hromada-3', 'hromada-4', 'hromada-5', 'hromada-6'];
      const perKey = 5;
      const messages = Array.from({ length: perKey }, (_, seq) =>
        keys.map((key) => ({ key, value: JSON.stringify({ key, seq }) })),
      ).flat();
      await producer.send({ topic, acks: -1, messages });

      const received = new Map<string, { seq: number; partition: number }[]>();
      let count = 0;
      consumer = kafka.consumer({
        groupId: `${prefix}group`,
        sessionTimeout: 10_000,
        heartbeatInterval: 1000,
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const all = new Promise<void>((resolve) => {
        void consumer!.run({
          eachMessage: ({ partition, message }) => {
            const { key, seq } = JSON.parse(message.value!.toString()) as { key: string; seq: number };
            received.set(key, [...(received.get(key) ?? []), { seq, partition }]);
            if (++count === messages.length) resolve();
            return Promise.resolve();
          },
        });
      });
      await all;

      for (const key of keys) {
        const seen = received.get(key)!;
        expect(seen.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4]);
        expect(new Set(seen.map((m) => m.partition)).size).toBe(1);
      }
      const partitionsUsed = new Set([...received.values()].map((seen) => seen[0].partition));
      expect(partitionsUsed.size).toBeGreaterThan(1);
    });
  });
});
