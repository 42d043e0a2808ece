import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  MunicipalityContactErasedV1Event,
  MunicipalityDeactivatedV1Event,
  PartnershipStatusChangedV1Event,
  Topics,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import {
  eventRecord,
  partnershipEstablished,
  profile,
  registered,
  type TestRecord,
} from './support/registry-records';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

// Recipient lifecycle (erasure, deactivation) and webhook subscription health (disabled after repeated
// failures, re-enabled by an admin) on real Kafka, PostgreSQL, SMTP and HTTP.
describe('notifications: recipient lifecycle and webhook subscription health, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const uaAssociationId = randomUUID();
  const erased = {
    contactId: randomUUID(),
    name: 'Erased Person',
    email: 'erased@busy.test',
    preferredLanguage: 'uk',
  };
  const kept = {
    contactId: randomUUID(),
    name: 'Kept Person',
    email: 'kept@bucha.test',
    preferredLanguage: 'uk',
  };
  const euContact = {
    contactId: randomUUID(),
    name: 'Lena Weber',
    email: 'lena@leipzig.test',
    preferredLanguage: 'de',
  };
  const hromada = profile({
    nameNative: 'Бучанська міська громада',
    nameLatin: 'Bucha urban hromada',
    associationId: uaAssociationId,
    contacts: [erased, kept],
  });
  const eu = profile({
    kind: 'eu-municipality',
    country: 'DE',
    nameNative: 'Leipzig',
    nameLatin: 'Leipzig',
    contacts: [euContact],
  });
  const partnership = partnershipEstablished(hromada.municipalityId, eu.municipalityId);

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let receiver: WebhookReceiver;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  let admin: string;
  let subscriptionId: string;

  const produce = async (topic: string, record: TestRecord) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
  };
  const delivery = async (sourceEventId: string, recipientId: string) => {
    const [row] = await service.dataSource.query<
      Array<{ status: string; address: string | null; body: string | null; last_error: string | null }>
    >(
      'SELECT status, address, body, last_error FROM delivery WHERE source_event_id = $1 AND recipient_id = $2',
      [sourceEventId, recipientId],
    );
    return row;
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_lifecycle');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    receiver = await startWebhookReceiver();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      env: { NOTIFICATIONS_WEBHOOK_MAX_FAILURES: '3' },
    });
    producer = await rawProducer(testKafkaBrokers());
    admin = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.NotificationsAdmin], sub: 'admin-1' });
    const created = await request(service.url)
      .post('/webhook-subscriptions')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        associationId: uaAssociationId,
        url: receiver.url,
        eventTypes: ['matching.partnership.established.v1'],
      })
      .expect(201);
    subscriptionId = (created.body as { id: string; secret: string }).id;
    receiver.secret = (created.body as { secret: string }).secret;
    receiver.failing = true;

    await produce(Topics.registry.municipality, registered(hromada));
    await produce(Topics.registry.municipality, registered(eu));
    await produce(Topics.matching.partnership, partnership);
    await smtp.waitForCount(2); // kept + Lena; erased@busy.test is greylisted
  });

  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await receiver?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  describe('webhook subscription health', () => {
    it('should disable the subscription after repeated failures and park its delivery', async () => {
      await waitUntil(
        async () => {
          const response = await request(service.url)
            .get(`/webhook-subscriptions/${subscriptionId}`)
            .set('Authorization', `Bearer ${admin}`);
          return (response.body as { enabled: boolean }).enabled === false;
        },
        30_000,
        'the subscription to be disabled',
      );
      await waitUntil(
        async () =>
          (await delivery(partnership.meta.id, subscriptionId))?.last_error ===
          'WEBHOOK_SUBSCRIPTION_DISABLED',
        30_000,
        'the delivery to be parked',
      );
      const row = await delivery(partnership.meta.id, subscriptionId);
      expect(row.status).toBe('retrying');
      expect(receiver.received.filter((r) => r.accepted)).toHaveLength(0);
    });

    it('should deliver the waiting webhook once when an admin re-enables the subscription', async () => {
      receiver.failing = false;
      const response = await request(service.url)
        .post(`/webhook-subscriptions/${subscriptionId}/enable`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect((response.body as { enabled: boolean; consecutiveFailures: number }).consecutiveFailures).toBe(
        0,
      );
      await waitUntil(
        async () => (await delivery(partnership.meta.id, subscriptionId)).status === 'sent',
        30_000,
        'the webhook',
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(receiver.received.filter((r) => r.accepted)).toHaveLength(1);
    });

    it('should refuse subscription management to a non-admin', async () => {
      const officer = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [Role.MunicipalityOfficer],
        municipalityId: hromada.municipalityId,
      });
      await request(service.url)
        .post(`/webhook-subscriptions/${subscriptionId}/enable`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(403);
    });
  });

  describe('webhook targets outside production', () => {
    it('should accept http receivers on loopback when NODE_ENV=test, as local development needs', async () => {
      // Another association: these subscriptions receive nothing of this file's events.
      const otherAssociationId = randomUUID();
      for (const url of [
        'http://localhost:3999/hook',
        'http://[::1]:3999/hook',
        'http://127.0.0.1:3999/hook',
      ]) {
        const created = await request(service.url)
          .post('/webhook-subscriptions')
          .set('Authorization', `Bearer ${admin}`)
          .send({
            associationId: otherAssociationId,
            url,
            eventTypes: ['matching.partnership.established.v1'],
          })
          .expect(201);
        await request(service.url)
          .delete(`/webhook-subscriptions/${(created.body as { id: string }).id}`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(204);
      }
    });
  });

  describe('recipients', () => {
    it('should answer 409 RECIPIENT_EXISTS, never 500, to every creation of a coordinator that exists or is being created', async () => {
      const coordinator = {
        kind: 'coordinator',
        sub: `coordinator-${randomUUID()}`,
        name: 'Coordinator',
        email: 'coordinator@bridges.test',
      };
      const create = () =>
        request(service.url).post('/recipients').set('Authorization', `Bearer ${admin}`).send(coordinator);
      // At once, so several pass the existence check before any insert commits.
      const racing = await Promise.all(Array.from({ length: 8 }, create));
      const again = await create();

      expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const response of [...racing.filter((r) => r.status !== 201), again]) {
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'RECIPIENT_EXISTS' });
      }
    });
  });

  describe('contact erasure', () => {
    it('should fail the pending delivery and delete its address and content when the contact is erased', async () => {
      // Greylisted: it keeps retrying (and is `sending` while an attempt is under way).
      expect(['retrying', 'sending']).toContain(
        (await delivery(partnership.meta.id, erased.contactId)).status,
      );
      // An earlier delivery to them that failed for good, recorded before errors were sanitised: its
      // last error quotes the address, so erasure must delete it too.
      const earlierEventId = randomUUID();
      await service.dataSource.query(
        `INSERT INTO delivery (id, source_event_id, source_event_type, recipient_id, channel, template_id,
                               status, attempts, next_attempt_at, last_error, address, body)
         VALUES ($1, $2, 'test.event.v1', $3, 'email', 'partnership.established', 'failed', 1, now(), $4, $5, 'text')`,
        [
          randomUUID(),
          earlierEventId,
          erased.contactId,
          `EMAIL_RECIPIENT_REJECTED: 550 5.1.1 <${erased.email}>: Recipient address rejected`,
          erased.email,
        ],
      );
      await produce(
        Topics.registry.municipality,
        eventRecord(MunicipalityContactErasedV1Event, {
          municipalityId: hromada.municipalityId,
          version: 2,
          contactId: erased.contactId,
        }),
      );
      await waitUntil(
        async () => (await delivery(partnership.meta.id, erased.contactId)).status === 'failed',
        30_000,
        'the erasure',
      );
      const row = await delivery(partnership.meta.id, erased.contactId);
      expect(row).toEqual({
        status: 'failed',
        address: null,
        body: null,
        last_error: 'DELIVERY_RECIPIENT_ERASED',
      });
      expect(await delivery(earlierEventId, erased.contactId)).toEqual({
        status: 'failed',
        address: null,
        body: null,
        last_error: null,
      });
      const left = await service.dataSource.query<unknown[]>('SELECT 1 FROM recipient WHERE id = $1', [
        erased.contactId,
      ]);
      expect(left).toHaveLength(0);
      expect(smtp.to('erased@busy.test')).toHaveLength(0);
    });
  });

  describe('deactivation', () => {
    it("should stop writing to a deactivated municipality's contacts while the partner side still hears", async () => {
      await produce(
        Topics.registry.municipality,
        eventRecord(MunicipalityDeactivatedV1Event, { municipalityId: eu.municipalityId, version: 2 }),
      );
      const changed: PartnershipStatusChangedV1 = {
        partnershipId: JSON.parse(partnership.value).partnershipId as string,
        hromadaId: hromada.municipalityId,
        euMunicipalityId: eu.municipalityId,
        from: 'established',
        to: 'ended',
        track: 'formal',
        changedAt: '2026-11-28T12:00:00.000Z',
        changedBy: 'coordinator-1',
        reason: 'EU municipality left the programme',
      };
      // Same partition as the partnership, after it; the deactivation is on another topic, so wait for it.
      await waitUntil(
        async () => {
          const [row] = await service.dataSource.query<Array<{ active: boolean }>>(
            'SELECT active FROM municipality_directory WHERE municipality_id = $1',
            [eu.municipalityId],
          );
          return row?.active === false;
        },
        30_000,
        'the deactivation',
      );
      const record = eventRecord(PartnershipStatusChangedV1Event, changed);
      await produce(Topics.matching.partnership, record);
      await waitUntil(() => smtp.to('kept@bucha.test').length === 2, 30_000, 'the status email');
      await new Promise((r) => setTimeout(r, 500));
      const ended = smtp.to('kept@bucha.test')[1];
      expect(ended.subject).toBe('Bridges: Партнерство Бучанська міська громада – Leipzig: завершене');
      expect(smtp.to('lena@leipzig.test')).toHaveLength(1);
      expect(await delivery(record.meta.id, euContact.contactId)).toBeUndefined();
    });
  });
});
