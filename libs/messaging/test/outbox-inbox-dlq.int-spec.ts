import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeadLetterHeader, PartnershipEstablishedV1Event, Topics } from '@bridges/contracts';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { ConsumerAttemptEntity, OutboxMessageEntity, OutboxWriter } from '../src';
import { LedgerEntryEntity } from './support/ledger-entry.entity';
import { handlerScript } from './support/partnership-ledger.consumer';
import { partnershipEstablished, rawPartnershipRecord } from './support/partnership-events';
import { startMessagingTestApp } from './support/messaging-test-app';

describe('messaging: outbox, inbox and dead letters on real PostgreSQL and Kafka', () => {
  const prefix = uniqueTopicPrefix();
  const topic = `${prefix}${Topics.matching.partnership}`;
  const dlq = `${topic}.dlq`;
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let outbox: OutboxWriter;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const consumerEffects = (partnershipId: string) =>
    dataSource.getRepository(LedgerEntryEntity).countBy({ aggregateId: partnershipId, note: 'consumed' });

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    await provisionTestTopics(prefix, [{ name: Topics.matching.partnership, partitions: 3 }]);
    const brokers = testKafkaBrokers();
    app = await startMessagingTestApp({
      databaseUrl: db.url,
      messaging: {
        brokers,
        clientId: 'messaging-test',
        serviceName: 'messaging-test',
        consumerGroupId: `messaging-test-${prefix}`,
        topicPrefix: prefix,
        consumer: { maxAttempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
      },
    });
    dataSource = app.get(DataSource);
    outbox = app.get(OutboxWriter);
    probe = await TopicProbe.start(brokers, [topic, dlq]);
    producer = await rawProducer(brokers);
    // The test consumer marks its effect with note "consumed" instead of the event id.
    handlerScript.calls.length = 0;
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await app?.close();
    await db?.drop();
  });

  describe('OutboxWriter.append', () => {
    it('should publish the event with its CloudEvents envelope when the state change commits', async () => {
      const payload = partnershipEstablished();
      const meta = await dataSource.transaction(async (manager) => {
        await manager.insert(LedgerEntryEntity, { aggregateId: payload.partnershipId, note: 'produced' });
        return outbox.append(manager, PartnershipEstablishedV1Event, payload, { correlationId: 'corr-42' });
      });

      const record = await probe.waitFor((r) => r.topic === topic && r.key === payload.partnershipId);
      expect(record.value).toEqual(payload);
      expect(record.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_id: meta.id,
        ce_type: 'matching.partnership.established.v1',
        ce_source: '/bridges/messaging-test',
        ce_subject: payload.partnershipId,
        ce_correlationid: 'corr-42',
        'content-type': 'application/json',
      });
    });

    it('should publish nothing and leave no outbox row when the transaction rolls back', async () => {
      const rolledBack = partnershipEstablished();
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.insert(LedgerEntryEntity, {
            aggregateId: rolledBack.partnershipId,
            note: 'produced',
          });
          await outbox.append(manager, PartnershipEstablishedV1Event, rolledBack);
          throw new Error('validation failed after the event was appended');
        }),
      ).rejects.toThrow('validation failed');

      const sentinel = partnershipEstablished();
      await dataSource.transaction((manager) =>
        outbox.append(manager, PartnershipEstablishedV1Event, sentinel),
      );
      await probe.waitFor((r) => r.key === sentinel.partnershipId);

      // Kafka acknowledged before the relay's delete committed: wait for the outbox to drain.
      await waitUntil(async () => (await dataSource.getRepository(OutboxMessageEntity).count()) === 0);
      expect(
        await dataSource.getRepository(LedgerEntryEntity).countBy({ aggregateId: rolledBack.partnershipId }),
      ).toBe(0);
      expect(probe.all().filter((r) => r.key === rolledBack.partnershipId)).toEqual([]);
    });

    it('should publish a batch appended with appendMany in the given order per key', async () => {
      const key = randomUUID();
      const metas = await dataSource.transaction((manager) =>
        outbox.appendMany(
          manager,
          [1, 2, 3].map(() => ({
            definition: PartnershipEstablishedV1Event,
            payload: partnershipEstablished(key),
          })),
        ),
      );
      const records = await probe.waitForCount((r) => r.topic === topic && r.key === key, 3);
      expect(records.map((r) => r.headers.ce_id)).toEqual(metas.map((m) => m.id));
    });

    it('should refuse to append outside a transaction, so an event can never commit without its state change', async () => {
      await expect(
        outbox.append(dataSource.manager, PartnershipEstablishedV1Event, partnershipEstablished()),
      ).rejects.toThrow(/needs a transaction/);
    });
  });

  describe('EventProcessor (through the Kafka consumer)', () => {
    it('should apply an event once when the same event is delivered twice', async () => {
      const payload = partnershipEstablished();
      const record = rawPartnershipRecord(payload);
      await producer.send({ topic, messages: [record, record] });
      const sentinel = rawPartnershipRecord(partnershipEstablished(payload.partnershipId));
      await producer.send({ topic, messages: [sentinel] });

      await waitUntil(async () => (await consumerEffects(payload.partnershipId)) >= 2);
      expect(await consumerEffects(payload.partnershipId)).toBe(2); // the duplicate + the sentinel, not three
      expect(handlerScript.calls.filter((id) => id === payload.partnershipId)).toHaveLength(2);
    });

    it('should dead-letter a malformed record with its reason and still process the next record of the partition', async () => {
      const key = randomUUID();
      const good = rawPartnershipRecord(partnershipEstablished(key));
      await producer.send({
        topic,
        messages: [{ key, value: '{"partnershipId": oops', headers: good.headers }, good],
      });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.key === key);
      expect(dead.value).toBe('{"partnershipId": oops');
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.Reason]: 'payload is not valid JSON',
        [DeadLetterHeader.ErrorKind]: 'invalid',
        [DeadLetterHeader.OriginalTopic]: Topics.matching.partnership,
        [DeadLetterHeader.Attempts]: '0',
      });
      expect(dead.headers[DeadLetterHeader.OriginalPartition]).toMatch(/^\d+$/);
      expect(dead.headers[DeadLetterHeader.OriginalOffset]).toMatch(/^\d+$/);
      await waitUntil(async () => (await consumerEffects(key)) === 1);
    });

    it('should dead-letter a payload that breaks its contract, naming the field', async () => {
      const payload = { ...partnershipEstablished(), track: 'secret-track' };
      const record = rawPartnershipRecord(payload as never);
      await producer.send({ topic, messages: [record] });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.key === payload.partnershipId);
      expect(dead.headers[DeadLetterHeader.Reason]).toMatch(
        /^payload violates matching.partnership.established.v1: track: /,
      );
      expect(await consumerEffects(payload.partnershipId)).toBe(0);
    });

    it('should dead-letter an event of a known type produced to a topic it does not belong on, saying where it belongs', async () => {
      const payload = partnershipEstablished();
      // A type this service has no handler for: it must not be skipped as "another service's event".
      const misplaced = rawPartnershipRecord(payload, { type: 'registry.municipality.registered.v1' });
      await producer.send({ topic, messages: [misplaced] });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.headers.ce_id === misplaced.meta.id);
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.Reason]:
          'event type registry.municipality.registered.v1 belongs on registry.municipality.v1, not matching.partnership.v1',
        [DeadLetterHeader.ErrorKind]: 'invalid',
        [DeadLetterHeader.OriginalTopic]: Topics.matching.partnership,
      });
      expect(await consumerEffects(payload.partnershipId)).toBe(0);
    });

    it('should dead-letter a record whose envelope is incomplete, naming the missing headers', async () => {
      const payload = partnershipEstablished();
      const { ce_id: _id, ce_source: _source, ...headers } = rawPartnershipRecord(payload).headers;
      await producer.send({
        topic,
        messages: [{ key: payload.partnershipId, value: JSON.stringify(payload), headers }],
      });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.key === payload.partnershipId);
      expect(dead.headers[DeadLetterHeader.Reason]).toBe(
        'invalid envelope: missing header ce_id; missing header ce_source',
      );
    });

    it('should retry a transiently failing handler with backoff and apply the event once when it then succeeds', async () => {
      const payload = partnershipEstablished();
      handlerScript.transientFailures.set(payload.partnershipId, 2);
      await producer.send({ topic, messages: [rawPartnershipRecord(payload)] });

      await waitUntil(async () => (await consumerEffects(payload.partnershipId)) === 1);
      expect(handlerScript.calls.filter((id) => id === payload.partnershipId)).toHaveLength(3);
      expect(await dataSource.getRepository(ConsumerAttemptEntity).count()).toBe(0);
      expect(probe.all().filter((r) => r.topic === dlq && r.key === payload.partnershipId)).toEqual([]);
    });

    it('should dead-letter after maxAttempts when the handler keeps failing, rolling back every partial effect', async () => {
      const payload = partnershipEstablished();
      handlerScript.transientFailures.set(payload.partnershipId, 1000);
      await producer.send({ topic, messages: [rawPartnershipRecord(payload)] });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.key === payload.partnershipId);
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.ErrorKind]: 'retries-exhausted',
        [DeadLetterHeader.Attempts]: '3',
        [DeadLetterHeader.Reason]: 'Error: database briefly unavailable (scripted)',
      });
      expect(await consumerEffects(payload.partnershipId)).toBe(0);
    });

    it('should dead-letter at once when the handler reports a permanent failure', async () => {
      const payload = partnershipEstablished();
      handlerScript.permanent.add(payload.partnershipId);
      await producer.send({ topic, messages: [rawPartnershipRecord(payload)] });

      const dead = await probe.waitFor((r) => r.topic === dlq && r.key === payload.partnershipId);
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.ErrorKind]: 'permanent',
        [DeadLetterHeader.Attempts]: '1',
      });
      expect(handlerScript.calls.filter((id) => id === payload.partnershipId)).toHaveLength(1);
    });
  });
});
