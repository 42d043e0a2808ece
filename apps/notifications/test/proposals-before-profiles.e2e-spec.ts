import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { MatchProposedV1Event, Topics, type MatchProposedV1 } from '@bridges/contracts';
import { ParkedEventEntity } from '@bridges/messaging';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { municipalityInbox } from '../src/inbox/inbox-owner';
import { eventRecord, profile, registered, type TestRecord } from './support/registry-records';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// Topics are not ordered with each other: matching's proposals can reach notifications long before the
// registry's profiles of the hromadas they name (a burst, a slow registry consumer, an outage). Those
// proposals must wait and then be notified, never end in the DLQ as "retries exhausted".
describe('notifications: proposals that arrive before their hromadas, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const proposalTopic = `${prefix}${Topics.matching.proposal}`;
  const dlq = `${proposalTopic}.dlq`;
  const eu = profile({
    kind: 'eu-municipality',
    country: 'DE',
    nameNative: 'Leipzig',
    nameLatin: 'Leipzig',
    needs: [],
  });
  const known = profile({ nameLatin: 'Known hromada' });
  const late = Array.from({ length: 3 }, (_, i) =>
    profile({
      nameLatin: `Late hromada ${i}`,
      contacts: [
        {
          contactId: randomUUID(),
          name: `Contact ${i}`,
          email: `late-${i}@hromada.test`,
          preferredLanguage: 'en',
        },
      ],
    }),
  );
  const proposal = (hromadaId: string, score: number): TestRecord => {
    const payload: MatchProposedV1 = {
      proposalId: randomUUID(),
      campaignId: randomUUID(),
      hromadaId,
      euMunicipalityId: eu.municipalityId,
      score,
      rank: 1,
      mode: 'incremental',
      factors: [
        { factor: 'sector-fit', score: 0.9, weight: 0.4, explanation: 'water-supply need meets offer' },
      ],
    };
    return eventRecord(MatchProposedV1Event, payload);
  };
  const waiting = late.flatMap((h) => [proposal(h.municipalityId, 0.81), proposal(h.municipalityId, 0.74)]);
  const waitingIds = waiting.map((r) => r.meta.id);

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const send = async (topic: string, records: TestRecord[], partition?: number) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: records.map((r) => ({
        key: r.key,
        value: r.value,
        headers: r.headers,
        ...(partition === undefined ? {} : { partition }),
      })),
    });
  };
  const processed = async (eventIds: string[]) => {
    const [row] = await service.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM inbox_processed_event WHERE event_id = ANY($1)',
      [eventIds],
    );
    return row.n;
  };
  const parked = () =>
    service.dataSource
      .getRepository(ParkedEventEntity)
      .find({ where: waitingIds.map((eventId) => ({ eventId })) });
  const metric = async (name: string) => {
    const text = (await request(service.url).get('/metrics').expect(200)).text;
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_parking');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      // Both proposals of a hromada land in one digest.
      env: { NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '2000' },
    });
    probe = await TopicProbe.start(testKafkaBrokers(), [dlq]);
    producer = await rawProducer(testKafkaBrokers());
    await send(Topics.registry.municipality, [registered(eu), registered(known)]);
    await waitUntil(
      async () =>
        (
          await service.dataSource.query<unknown[]>(
            'SELECT 1 FROM municipality_directory WHERE municipality_id = ANY($1)',
            [[eu.municipalityId, known.municipalityId]],
          )
        ).length === 2,
      30_000,
      'the known profiles',
    );
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should park proposals whose hromada is not in the directory and go on with the partition behind them', async () => {
    // One partition: six proposals for unknown hromadas, then one for a known hromada. With a retry
    // budget the partition would sit on each unknown one for seconds and then dead-letter it.
    const behind = proposal(known.municipalityId, 0.66);
    await send(Topics.matching.proposal, [...waiting, behind], 0);

    await waitUntil(
      async () => (await processed([behind.meta.id])) === 1,
      30_000,
      'the proposal behind them',
    );
    const rows = await parked();
    expect(rows).toHaveLength(waiting.length);
    expect(new Set(rows.map((r) => r.dependencyKey))).toEqual(
      new Set(late.map((h) => `municipality:${h.municipalityId}`)),
    );
    expect(await processed(waitingIds)).toBe(0);
    expect(await metric('bridges_parked_events')).toBe(waiting.length);
    expect(await metric('bridges_parked_event_oldest_age_seconds')).toBeGreaterThan(0);
  });

  it('should notify every parked proposal once its hromada arrives, and dead-letter none of them', async () => {
    await send(
      Topics.registry.municipality,
      late.map((h) => registered(h)),
    );

    await waitUntil(
      async () => (await processed(waitingIds)) === waiting.length,
      30_000,
      'the resumed proposals',
    );
    expect(await parked()).toEqual([]);
    expect(await metric('bridges_parked_events')).toBe(0);
    for (const hromada of late) {
      const contact = hromada.contacts[0];
      const pending = await service.dataSource.query<Array<{ source_event_id: string }>>(
        'SELECT source_event_id FROM pending_proposal WHERE recipient_id = $1',
        [contact.contactId],
      );
      expect(pending).toHaveLength(2);
      const inbox = await service.dataSource.query<unknown[]>(
        `SELECT 1 FROM inbox_item WHERE owner_key = $1 AND template_id = 'matching.proposal'`,
        [municipalityInbox(hromada.municipalityId)],
      );
      expect(inbox).toHaveLength(2);
    }
    await smtp.waitForCount(late.length);
    for (const hromada of late) {
      const [digest] = smtp.to(hromada.contacts[0].email);
      expect(digest.subject).toContain('2 new partnership proposals');
    }

    // A malformed record per proposal key goes to the DLQ at once, into the partition any earlier dead
    // letter of that key went to: once the markers are read, so is every dead letter of these proposals.
    const markers = waiting.map((r) => ({ ...r, value: `not json ${randomUUID()}`, headers: {} }));
    await send(Topics.matching.proposal, markers);
    await probe.waitForCount((r) => markers.some((m) => m.value === r.value), markers.length);
    expect(probe.all().filter((r) => waitingIds.includes(r.headers.ce_id))).toEqual([]);
  });
});
