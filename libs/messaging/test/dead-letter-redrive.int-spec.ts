import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
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
import { DataSource } from 'typeorm';
import { RedriveHeader, type RedriveReport } from '../src';
import { LedgerEntryEntity } from './support/ledger-entry.entity';
import { startMessagingTestApp } from './support/messaging-test-app';
import { handlerScript } from './support/partnership-ledger.consumer';
import { partnershipEstablished, rawPartnershipRecord } from './support/partnership-events';

const ROOT = join(__dirname, '..', '..', '..');

// The documented way back from a DLQ, run as operators run it (`npm run dlq:redrive`), against a
// consumer on real Kafka and PostgreSQL.
describe('dlq:redrive: chosen dead letters back to their topic', () => {
  const prefix = uniqueTopicPrefix();
  const topic = `${prefix}${Topics.matching.partnership}`;
  const dlq = `${topic}.dlq`;
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const effects = (partnershipId: string) =>
    dataSource.getRepository(LedgerEntryEntity).countBy({ aggregateId: partnershipId, note: 'consumed' });
  const redrive = async (...args: string[]): Promise<RedriveReport> => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/dlq/redrive.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix },
      },
    );
    return JSON.parse(stdout) as RedriveReport;
  };
  const endOffsets = async () => {
    const admin = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.high}`).sort();
    } finally {
      await admin.disconnect();
    }
  };

  const fixed = partnershipEstablished();
  const stillBroken = partnershipEstablished();
  const fixedRecord = rawPartnershipRecord(fixed);
  const malformedKey = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('messaging_redrive');
    await provisionTestTopics(prefix, [{ name: Topics.matching.partnership, partitions: 3 }]);
    app = await startMessagingTestApp({
      databaseUrl: db.url,
      messaging: {
        brokers: testKafkaBrokers(),
        clientId: 'redrive-test',
        serviceName: 'redrive-test',
        consumerGroupId: `redrive-test-${prefix}`,
        topicPrefix: prefix,
        consumer: { maxAttempts: 2, initialBackoffMs: 50, maxBackoffMs: 100 },
      },
    });
    dataSource = app.get(DataSource);
    probe = await TopicProbe.start(testKafkaBrokers(), [topic, dlq]);
    producer = await rawProducer(testKafkaBrokers());

    // Three dead letters: two refused by the handler (one of which gets fixed), one malformed.
    handlerScript.permanent.add(fixed.partnershipId);
    handlerScript.permanent.add(stillBroken.partnershipId);
    await producer.send({
      topic,
      messages: [
        fixedRecord,
        rawPartnershipRecord(stillBroken),
        {
          key: malformedKey,
          value: '{"partnershipId": oops',
          headers: rawPartnershipRecord(partnershipEstablished(malformedKey)).headers,
        },
      ],
    });
    await probe.waitForCount((r) => r.topic === dlq, 3);
    // The handler is fixed for one of them.
    handlerScript.permanent.delete(fixed.partnershipId);
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await app?.close();
    await db?.drop();
  });

  it('should list the dead letters a reason matches and republish nothing on a dry run', async () => {
    const before = await endOffsets();
    const report = await redrive(
      '--topic',
      `${Topics.matching.partnership}.dlq`,
      '--reason',
      'NOT VALID JSON',
      '--dry-run',
    );

    expect(report).toMatchObject({
      deadLetterTopic: 'matching.partnership.v1.dlq',
      targetTopic: 'matching.partnership.v1',
      scanned: 3,
      republished: 0,
      dryRun: true,
    });
    expect(report.selected).toEqual([
      expect.objectContaining({
        key: malformedKey,
        errorKind: 'invalid',
        reason: 'payload is not valid JSON',
      }),
    ]);
    // The tool returns after its writes are acknowledged: unchanged end offsets mean nothing was written.
    expect(await endOffsets()).toEqual(before);
  });

  it('should republish a chosen dead letter with its key, value and envelope, without the DLQ headers, and the fixed consumer applies it', async () => {
    const report = await redrive(
      '--topic',
      `${Topics.matching.partnership}.dlq`,
      '--event-id',
      fixedRecord.meta.id,
    );

    expect(report).toMatchObject({ scanned: 3, republished: 1, dryRun: false });
    expect(report.selected).toEqual([
      expect.objectContaining({ eventId: fixedRecord.meta.id, errorKind: 'permanent' }),
    ]);
    const redriven = await probe.waitFor(
      (r) => r.topic === topic && r.headers[RedriveHeader.From] !== undefined,
    );
    expect(redriven.key).toBe(fixed.partnershipId);
    expect(redriven.value).toEqual(fixed);
    expect(redriven.headers).toMatchObject(fixedRecord.headers);
    expect(redriven.headers[RedriveHeader.From]).toMatch(/^matching\.partnership\.v1\.dlq\/\d+\/\d+$/);
    expect(Object.keys(redriven.headers).filter((h) => h.startsWith('dlq_'))).toEqual([]);
    await waitUntil(async () => (await effects(fixed.partnershipId)) === 1, 20_000, 'the redriven event');
    expect(await effects(stillBroken.partnershipId)).toBe(0);
  });

  it('should have no second effect when the same dead letter is redriven again', async () => {
    await redrive('--topic', `${Topics.matching.partnership}.dlq`, '--event-id', fixedRecord.meta.id);
    await probe.waitForCount((r) => r.topic === topic && r.headers[RedriveHeader.From] !== undefined, 2);
    // A new event of the same partnership, behind the second redrive in its partition: once it is
    // applied, the redriven duplicate before it has been consumed.
    const marker = rawPartnershipRecord(fixed);
    await producer.send({ topic, messages: [marker] });
    await waitUntil(async () => (await effects(fixed.partnershipId)) === 2, 20_000, 'the marker');
    expect(handlerScript.calls.filter((id) => id === fixed.partnershipId)).toHaveLength(1 + 1 + 1); // refused, redriven, marker
    const dead = probe.all().filter((r) => r.topic === dlq && r.headers.ce_id === fixedRecord.meta.id);
    expect(dead.map((r) => r.headers[DeadLetterHeader.ErrorKind])).toEqual(['permanent']);
  });
});
