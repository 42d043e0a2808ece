import { randomUUID } from 'node:crypto';
import { DeliveryStatusChangedV1Event, Topics } from '@bridges/contracts';
import {
  createTestDatabase,
  freePort,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { partnershipEstablished, profile, registered } from './support/registry-records';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

describe('notifications: SMTP server down, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const contacts = Array.from({ length: 3 }, (_, i) => ({
    contactId: randomUUID(),
    name: `Contact ${i}`,
    email: `contact-${i}@outage.test`,
    preferredLanguage: 'en',
  }));
  const hromada = profile({ contacts: contacts.slice(0, 2) });
  const eu = profile({
    kind: 'eu-municipality',
    country: 'DE',
    nameNative: 'Leipzig',
    nameLatin: 'Leipzig',
    contacts: contacts.slice(2),
  });
  const partnership = partnershipEstablished(hromada.municipalityId, eu.municipalityId);

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer | undefined;
  let probe: TopicProbe;
  let smtpPort: number;

  const statusEvents = (status: string) =>
    probe
      .all()
      .filter(
        (r) =>
          r.headers.ce_type === DeliveryStatusChangedV1Event.type &&
          (r.value as { causedByEventId: string }).causedByEventId === partnership.meta.id &&
          (r.value as { status: string }).status === status,
      );

  beforeAll(async () => {
    db = await createTestDatabase('notifications_outage');
    await provisionNotificationsTopics(prefix);
    smtpPort = await freePort();
    service = await startNotificationsTestApp({ databaseUrl: db.url, topicPrefix: prefix, smtpPort });
    probe = await TopicProbe.start(testKafkaBrokers(), [`${prefix}${Topics.notifications.delivery}`]);
    const producer = await rawProducer(testKafkaBrokers());
    try {
      for (const [topic, record] of [
        [Topics.registry.municipality, registered(hromada)],
        [Topics.registry.municipality, registered(eu)],
        [Topics.matching.partnership, partnership],
      ] as const) {
        await producer.send({
          topic: `${prefix}${topic}`,
          messages: [{ key: record.key, value: record.value, headers: record.headers }],
        });
      }
    } finally {
      await producer.close();
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  describe('DeliveryDispatcher', () => {
    it('should keep retrying with backoff while the SMTP server is down, publishing retrying', async () => {
      const retrying = await probe.waitForCount(
        (r) =>
          r.headers.ce_type === DeliveryStatusChangedV1Event.type &&
          (r.value as { causedByEventId: string; status: string; attempts: number }).causedByEventId ===
            partnership.meta.id &&
          (r.value as { status: string; attempts: number }).status === 'retrying' &&
          (r.value as { attempts: number }).attempts >= 2,
        contacts.length,
        30_000,
      );
      expect(retrying.map((r) => (r.value as { lastError: string }).lastError)).toEqual(
        expect.arrayContaining([expect.stringContaining('EMAIL_CONNECTION_FAILED')]),
      );
      expect(statusEvents('sent')).toHaveLength(0);
    });

    it('should deliver every email exactly once when the SMTP server is back', async () => {
      smtp = await startSmtpTestServer(smtpPort);
      await smtp.waitForCount(contacts.length, 30_000);
      await probe.waitForCount(
        (r) =>
          r.headers.ce_type === DeliveryStatusChangedV1Event.type &&
          (r.value as { causedByEventId: string }).causedByEventId === partnership.meta.id &&
          (r.value as { status: string }).status === 'sent',
        contacts.length,
      );
      // Every delivery row is final (sent; none due again, none `sending`), and the unique key allows no
      // other row: no email can still come, so the server's count is the final one.
      const rows = await service.dataSource.query<Array<{ status: string; attempts: number }>>(
        'SELECT status, attempts FROM delivery WHERE source_event_id = $1',
        [partnership.meta.id],
      );
      expect(rows).toHaveLength(contacts.length);
      for (const row of rows) {
        expect(row.status).toBe('sent');
        expect(row.attempts).toBeGreaterThan(2);
      }
      expect(smtp.received).toHaveLength(contacts.length);
      for (const contact of contacts) expect(smtp.to(contact.email)).toHaveLength(1);
    });
  });
});
