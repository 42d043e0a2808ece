import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeadLetterHeader, Topics } from '@bridges/contracts';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { ParkedEventEntity, ParkedEventScheduler, type MessagingOptions } from '../src';
import {
  DependentLedgerConsumer,
  dependentScript,
  municipalityKey,
} from './support/dependent-ledger.consumer';
import { LedgerEntryEntity } from './support/ledger-entry.entity';
import { startMessagingTestApp } from './support/messaging-test-app';
import {
  partnershipEstablished,
  rawPartnershipRecord,
  rawRegisteredRecord,
  rawStatusChangedRecord,
} from './support/partnership-events';

// Cross-topic order on real PostgreSQL and Kafka: a partnership event needs its hromada's profile,
// which arrives on another topic, maybe much later than any retry budget would wait.
describe('messaging: parked events wait for their dependency, durably and in order', () => {
  const prefix = uniqueTopicPrefix();
  const partnershipTopic = `${prefix}${Topics.matching.partnership}`;
  const registryTopic = `${prefix}${Topics.registry.municipality}`;
  const dlq = `${partnershipTopic}.dlq`;
  let db: TestDatabase;
  let messaging: MessagingOptions;
  let app: INestApplication;
  let dataSource: DataSource;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const ledger = (aggregateId: string) =>
    dataSource.query<Array<{ note: string }>>(
      'SELECT note FROM test_ledger_entry WHERE aggregate_id = $1 ORDER BY seq',
      [aggregateId],
    );
  const parkedRows = (eventIds: string[]) =>
    dataSource.getRepository(ParkedEventEntity).find({ where: eventIds.map((eventId) => ({ eventId })) });
  const send = (
    topic: string,
    records: Array<{ key: string; value: string; headers: object }>,
    partition?: number,
  ) =>
    producer.send({
      topic,
      messages: records.map((r) => ({
        key: r.key,
        value: r.value,
        headers: r.headers as Record<string, string>,
        ...(partition === undefined ? {} : { partition }),
      })),
    });
  const knowMunicipality = async (municipalityId: string) => {
    await send(registryTopic, [rawRegisteredRecord(municipalityId)]);
    await waitUntil(async () => (await ledger(municipalityId)).length === 1, 20_000, 'the profile');
  };
  /**
   * Proves no record of `key` was dead-lettered so far: a malformed record with the same key goes to the
   * DLQ at once, into the same DLQ partition as any earlier dead letter of that key, so once it is read
   * every earlier one has been too.
   */
  const deadLettersBeforeMarker = async (key: string) => {
    const marker = randomUUID();
    await send(partnershipTopic, [{ key, value: `not json ${marker}`, headers: {} }]);
    await probe.waitFor((r) => r.topic === dlq && r.value === `not json ${marker}`);
    return probe.all().filter((r) => r.topic === dlq && r.key === key && r.value !== `not json ${marker}`);
  };

  beforeAll(async () => {
    db = await createTestDatabase('messaging_parking');
    await provisionTestTopics(prefix, [
      { name: Topics.matching.partnership, partitions: 3 },
      { name: Topics.registry.municipality, partitions: 3 },
    ]);
    messaging = {
      brokers: testKafkaBrokers(),
      clientId: 'parking-test',
      serviceName: 'parking-test',
      consumerGroupId: `parking-test-${prefix}`,
      topicPrefix: prefix,
      // A retry budget of well under a second: every dependency below arrives later than that.
      consumer: { maxAttempts: 3, initialBackoffMs: 50, maxBackoffMs: 100, parkedRetryIntervalMs: 400 },
    };
    app = await startMessagingTestApp({
      databaseUrl: db.url,
      messaging,
      consumers: [DependentLedgerConsumer],
    });
    dataSource = app.get(DataSource);
    probe = await TopicProbe.start(messaging.brokers as string[], [dlq]);
    producer = await rawProducer(messaging.brokers as string[]);
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await app?.close();
    await db?.drop();
  });

  it('should park an event whose dependency has not arrived, move on in its partition, and apply it once when the dependency arrives, never dead-lettering it', async () => {
    const known = randomUUID();
    const late = randomUUID();
    await knowMunicipality(known);
    const waiting = { ...partnershipEstablished(), hromadaId: late };
    const next = { ...partnershipEstablished(), hromadaId: known };
    const waitingRecord = rawPartnershipRecord(waiting);
    // One partition: the waiting event (delivered twice), then an unrelated one behind it.
    await send(partnershipTopic, [waitingRecord, waitingRecord, rawPartnershipRecord(next)], 0);

    await waitUntil(async () => (await ledger(next.partnershipId)).length === 1, 20_000, 'the next record');
    const parked = await parkedRows([waitingRecord.meta.id]);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      dependencyKey: municipalityKey(late),
      aggregateKey: waiting.partnershipId,
    });
    expect(await ledger(waiting.partnershipId)).toEqual([]);

    await knowMunicipality(late);
    await waitUntil(async () => (await ledger(waiting.partnershipId)).length > 0, 20_000, 'the resume');
    expect(await ledger(waiting.partnershipId)).toEqual([{ note: 'established' }]);
    expect(await parkedRows([waitingRecord.meta.id])).toEqual([]);
    const [inbox] = await dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM inbox_processed_event WHERE event_id = $1',
      [waitingRecord.meta.id],
    );
    expect(inbox.n).toBe(1);
    expect(await deadLettersBeforeMarker(waiting.partnershipId)).toEqual([]);
  });

  it('should park a later event of a parked aggregate behind it, even when that event needs nothing, and apply both in order', async () => {
    const late = randomUUID();
    const established = { ...partnershipEstablished(), hromadaId: late };
    const first = rawPartnershipRecord(established);
    const second = rawStatusChangedRecord(established, 'active');
    await send(partnershipTopic, [first, second]);

    await waitUntil(
      async () => (await parkedRows([first.meta.id, second.meta.id])).length === 2,
      20_000,
      'both parked',
    );
    // The status change was consumed (its row exists) and not applied ahead of the establishment.
    expect(await ledger(established.partnershipId)).toEqual([]);
    const rows = await parkedRows([first.meta.id, second.meta.id]);
    expect(rows.find((r) => r.eventId === second.meta.id)?.dependencyKey).toBeNull();

    await knowMunicipality(late);
    await waitUntil(
      async () => (await ledger(established.partnershipId)).length === 2,
      20_000,
      'both applied',
    );
    expect(await ledger(established.partnershipId)).toEqual([
      { note: 'established' },
      { note: 'status:active' },
    ]);
    expect(await parkedRows([first.meta.id, second.meta.id])).toEqual([]);
  });

  it('should resume through the periodic retry when the dependency became available without being reported', async () => {
    const late = randomUUID();
    const established = { ...partnershipEstablished(), hromadaId: late };
    const record = rawPartnershipRecord(established);
    await send(partnershipTopic, [record]);
    await waitUntil(async () => (await parkedRows([record.meta.id])).length === 1, 20_000, 'parked');

    await dataSource
      .getRepository(LedgerEntryEntity)
      .insert({ aggregateId: late, note: 'municipality-known' });
    await waitUntil(async () => (await ledger(established.partnershipId)).length === 1, 20_000, 'the retry');
    expect(await parkedRows([record.meta.id])).toEqual([]);
  });

  it('should apply each parked event exactly once when two instances resume the same dependency at once', async () => {
    const second = await startMessagingTestApp({
      databaseUrl: db.url,
      messaging: { ...messaging, clientId: 'parking-test-2' },
      consumers: [DependentLedgerConsumer],
    });
    try {
      const late = randomUUID();
      const partnerships = Array.from({ length: 8 }, () => ({
        ...partnershipEstablished(),
        hromadaId: late,
      }));
      const records = partnerships.map((p) => rawPartnershipRecord(p));
      await send(partnershipTopic, records);
      const ids = records.map((r) => r.meta.id);
      await waitUntil(async () => (await parkedRows(ids)).length === ids.length, 20_000, 'all parked');

      // Available without a report, then both instances told at the same moment (and their retries running).
      await dataSource
        .getRepository(LedgerEntryEntity)
        .insert({ aggregateId: late, note: 'municipality-known' });
      for (const instance of [app, second]) instance.get(ParkedEventScheduler).wake([municipalityKey(late)]);

      await waitUntil(async () => (await parkedRows(ids)).length === 0, 20_000, 'all resumed');
      for (const p of partnerships) expect(await ledger(p.partnershipId)).toEqual([{ note: 'established' }]);
    } finally {
      await second.close();
    }
  });

  it('should dead-letter a parked event whose handler keeps failing once its dependency arrived, after maxAttempts', async () => {
    const late = randomUUID();
    const established = { ...partnershipEstablished(), hromadaId: late };
    dependentScript.failing.add(established.partnershipId);
    const record = rawPartnershipRecord(established);
    await send(partnershipTopic, [record]);
    await waitUntil(async () => (await parkedRows([record.meta.id])).length === 1, 20_000, 'parked');

    await knowMunicipality(late);
    const dead = await probe.waitFor((r) => r.topic === dlq && r.headers.ce_id === record.meta.id);
    expect(dead.headers).toMatchObject({
      [DeadLetterHeader.ErrorKind]: 'retries-exhausted',
      [DeadLetterHeader.Attempts]: '3',
      [DeadLetterHeader.Reason]: 'Error: database briefly unavailable (scripted)',
      [DeadLetterHeader.OriginalTopic]: Topics.matching.partnership,
    });
    // The dead letter is made durable first, then the parked row is deleted: the probe may see it in between.
    await waitUntil(
      async () => (await parkedRows([record.meta.id])).length === 0,
      20_000,
      'the parked row removed once dead-lettered',
    );
    expect(await ledger(established.partnershipId)).toEqual([]);
  });
});
