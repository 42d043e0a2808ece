import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@bridges/messaging';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { DeliveryDispatcher } from '../src/deliveries/delivery.dispatcher';
import { DeliveryQueue } from '../src/deliveries/delivery-queue.service';
import type { SourceEvent } from '../src/deliveries/source-event';
import { RecipientEntity } from '../src/directory/recipient.entity';
import { RecipientPreferenceEntity } from '../src/recipient-preferences/recipient-preference.entity';
import { partnershipEstablishedData } from '../src/templates/template.fixtures';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// The delivery queue and dispatcher against real PostgreSQL and a real SMTP server; the dispatcher is
// driven by hand (NOTIFICATIONS_DISPATCH_ENABLED=false) so each test decides when rounds run.
describe(DeliveryDispatcher.name, () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let dataSource: DataSource;
  let queue: DeliveryQueue;
  let dispatcher: DeliveryDispatcher;
  const { unsubscribeUrl: _unused, ...data } = partnershipEstablishedData();

  const source = (): SourceEvent => ({
    id: randomUUID(),
    type: 'test.event.v1',
    correlationId: null,
    time: new Date().toISOString(),
    subject: 's',
  });
  const recipient = async (overrides: Partial<RecipientEntity> = {}): Promise<RecipientEntity> => {
    const row: RecipientEntity = {
      id: randomUUID(),
      kind: 'municipality-contact',
      municipalityId: null,
      associationId: null,
      name: 'Test Person',
      email: `${randomUUID()}@dispatch.test`,
      preferredLanguage: 'uk',
      roles: [],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...overrides,
    };
    await dataSource.getRepository(RecipientEntity).insert(row);
    return row;
  };
  const enqueue = (s: SourceEvent, r: RecipientEntity) =>
    dataSource.transaction((m) => queue.enqueueEmail(m, s, r, 'partnership.established', data, 'uk'));
  const statusOf = async (sourceId: string) =>
    dataSource.query<Array<{ id: string; status: string; attempts: number }>>(
      'SELECT id, status, attempts FROM delivery WHERE source_event_id = $1 ORDER BY id',
      [sourceId],
    );
  const outboxEvents = async (deliveryIds: string[]) => {
    const [row] = await dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM outbox_message WHERE record_key = ANY($1)`,
      [deliveryIds],
    );
    return Number(row.n);
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_dispatch');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      env: { NOTIFICATIONS_DISPATCH_ENABLED: 'false', NOTIFICATIONS_DISPATCH_BATCH: '7' },
    });
    dataSource = service.dataSource;
    // The relay deletes an outbox row once Kafka has it; stopped, the rows stay for the tests to count.
    await service.app.get(OutboxRelay).stop();
    queue = service.app.get(DeliveryQueue);
    dispatcher = service.app.get(DeliveryDispatcher);
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  describe('DeliveryQueue.enqueueEmail', () => {
    it('should write one row and one queued event when the same notification is enqueued twice', async () => {
      const s = source();
      const r = await recipient();
      expect(await enqueue(s, r)).toBe('queued');
      expect(await enqueue(s, r)).toBe('duplicate');
      const rows = await statusOf(s.id);
      expect(rows).toEqual([expect.objectContaining({ status: 'queued', attempts: 0 })]);
      expect(await outboxEvents(rows.map((x) => x.id))).toBe(1);
    });

    it('should write nothing when the recipient opted out of the template', async () => {
      const s = source();
      const r = await recipient();
      await dataSource.getRepository(RecipientPreferenceEntity).insert({
        recipientId: r.id,
        disabledChannels: [],
        disabledTemplates: ['email:partnership.established'],
        digestFrequency: 'immediate',
        updatedAt: new Date(),
      });
      expect(await enqueue(s, r)).toBe('opted-out');
      expect(await statusOf(s.id)).toEqual([]);
    });
  });

  describe('dispatchOnce', () => {
    it('should send every delivery exactly once when several dispatchers run at the same time', async () => {
      const s = source();
      const recipients = await Promise.all(Array.from({ length: 20 }, () => recipient()));
      for (const r of recipients) await enqueue(s, r);
      // Three "instances" draining the same table concurrently (batch 7: several rounds each).
      const drain = async () => {
        while ((await dispatcher.dispatchOnce()) > 0) {
          // keep going
        }
      };
      await Promise.all([drain(), drain(), drain()]);
      const rows = await statusOf(s.id);
      expect(rows.every((x) => x.status === 'sent' && x.attempts === 1)).toBe(true);
      for (const r of recipients) expect(smtp.to(r.email!)).toHaveLength(1);
    });

    it('should claim a delivery again once its lease expired, and leave it while the lease holds', async () => {
      const s = source();
      const r = await recipient();
      await enqueue(s, r);
      // As if an instance claimed it and died before recording the outcome.
      await dataSource.query(
        `UPDATE delivery SET status = 'sending', attempts = 1, lease_expires_at = now() + interval '1 hour' WHERE source_event_id = $1`,
        [s.id],
      );
      await dispatcher.dispatchOnce();
      expect(await statusOf(s.id)).toEqual([expect.objectContaining({ status: 'sending', attempts: 1 })]);
      expect(smtp.to(r.email!)).toHaveLength(0);

      await dataSource.query(
        `UPDATE delivery SET lease_expires_at = now() - interval '1 second' WHERE source_event_id = $1`,
        [s.id],
      );
      await dispatcher.dispatchOnce();
      expect(await statusOf(s.id)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
      expect(smtp.to(r.email!)).toHaveLength(1);
    });

    it('should fail a delivery without sending when its recipient was deactivated after it was queued', async () => {
      const s = source();
      const r = await recipient();
      await enqueue(s, r);
      await dataSource.getRepository(RecipientEntity).update({ id: r.id }, { active: false });
      await dispatcher.dispatchOnce();
      const [row] = await dataSource.query<Array<{ status: string; last_error: string }>>(
        'SELECT status, last_error FROM delivery WHERE source_event_id = $1',
        [s.id],
      );
      expect(row).toEqual({ status: 'failed', last_error: 'DELIVERY_RECIPIENT_INACTIVE' });
      expect(smtp.to(r.email!)).toHaveLength(0);
    });

    it('should mark a delivery failed without retrying when the SMTP server rejects the recipient for good', async () => {
      const s = source();
      const r = await recipient({ email: 'nobody@rejected.test' });
      await enqueue(s, r);
      await dispatcher.dispatchOnce();
      const [row] = await dataSource.query<Array<{ status: string; attempts: number; last_error: string }>>(
        'SELECT status, attempts, last_error FROM delivery WHERE source_event_id = $1',
        [s.id],
      );
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      // The server's reply quotes the address; only the codes are kept.
      expect(row.last_error).toBe('EMAIL_RECIPIENT_REJECTED (550)');
    });
  });
});
