import { randomUUID } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { createServer, type AddressInfo, type Server } from 'node:net';
import request from 'supertest';
import { Role, signDevToken } from '@bridges/platform';
import { Topics } from '@bridges/contracts';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import type { HostResolver } from '../src/channels/webhook';
import { WEBHOOK_HOST_RESOLVER } from '../src/webhook-subscriptions/webhook-target-guard.provider';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { partnershipEstablished, profile, registered, type TestRecord } from './support/registry-records';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

/** A TCP listener on loopback that counts connections and closes each at once (no TLS, no HTTP). */
interface ConnectionCounter {
  port: number;
  connections: number;
  stop(): Promise<void>;
}

async function startConnectionCounter(): Promise<ConnectionCounter> {
  const server: Server = createServer((socket) => {
    counter.connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const counter: ConnectionCounter = {
    port: (server.address() as AddressInfo).port,
    connections: 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return counter;
}

// The webhook target policy of NODE_ENV=production, end to end: subscriptions to internal addresses
// are refused with 400, and a host name that resolves to loopback only at delivery time (DNS rebinding)
// is never connected to. Names resolve through an injected table, so no real DNS is asked; every
// listener is on 127.0.0.1.
describe('notifications: webhook targets in production, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const jwtSecret = 'webhook-targets-e2e-signing-key-0123456789';
  const associationId = randomUUID();
  const dns: Record<string, string> = {
    'internal.test': '10.0.0.1',
    'hooks.intranet.test': '127.0.0.1',
    // Public while the subscription is created; switched to loopback before the delivery.
    'hooks.rebind.test': '93.184.215.14',
  };
  const resolver: HostResolver = (hostname) =>
    dns[hostname]
      ? Promise.resolve([{ address: dns[hostname], family: 4 } satisfies LookupAddress])
      : Promise.reject(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let intranet: ConnectionCounter;
  let rebind: ConnectionCounter;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  let admin: string;

  const subscribe = (url: string) =>
    request(service.url)
      .post('/webhook-subscriptions')
      .set('Authorization', `Bearer ${admin}`)
      .send({ associationId, url, eventTypes: ['matching.partnership.established.v1'] });
  const produce = async (topic: string, record: TestRecord) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_webhook_targets');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    intranet = await startConnectionCounter();
    rebind = await startConnectionCounter();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'error', // production logs every 400 as a warning
        AUTH_JWT_SECRET: jwtSecret,
        METRICS_TOKEN: 'webhook-targets-e2e-metrics',
        UNSUBSCRIBE_SECRET: 'webhook-targets-e2e-unsubscribe-secret-0123456789',
        NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS: 'hooks.intranet.test',
      },
      overrides: (builder) => builder.overrideProvider(WEBHOOK_HOST_RESOLVER).useValue(resolver),
    });
    producer = await rawProducer(testKafkaBrokers());
    admin = await signDevToken({ secret: jwtSecret, roles: [Role.NotificationsAdmin], sub: 'admin-1' });
  });

  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await intranet?.stop();
    await rebind?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  describe('POST /webhook-subscriptions', () => {
    const allowList = 'NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS';
    it.each([
      ['https://169.254.169.254/latest/meta-data', '169.254.169.254, a link-local address'],
      ['https://127.0.0.1/hook', '127.0.0.1, a loopback address'],
      ['https://localhost/hook', 'localhost is a loopback name'],
      ['https://10.0.0.1/hook', '10.0.0.1, a private address'],
      ['https://[::1]/hook', '::1, a loopback address'],
      ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1, a loopback address'],
      ['https://0.0.0.0/hook', '0.0.0.0, an unspecified address'],
      ['https://internal.test/hook', 'internal.test resolves to 10.0.0.1, a private address'],
    ])(
      'should answer 400 naming the field and the allow-list setting when the URL is %s',
      async (url, why) => {
        const response = await subscribe(url).expect(400);
        expect(response.body).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED' });
        const [error] = (response.body as { errors: Array<{ field: string; messages: string[] }> }).errors;
        expect(error.field).toBe('url');
        expect(error.messages[0]).toContain(why);
        expect(error.messages[0]).toContain(allowList);
      },
    );

    it('should answer 400 asking for https when the URL is http', async () => {
      const response = await subscribe('http://hooks.example.org/hook').expect(400);
      expect(response.body).toMatchObject({
        errors: [
          { field: 'url', messages: ['must use https: NODE_ENV=production sends webhooks over https only'] },
        ],
      });
    });

    it('should answer 400 when the URL writes loopback as one decimal number', async () => {
      const response = await subscribe('https://2130706433/hook').expect(400);
      expect((response.body as { errors: Array<{ field: string }> }).errors[0].field).toBe('url');
    });

    it('should have written none of the refused subscriptions', async () => {
      const rows = await service.dataSource.query<unknown[]>(
        'SELECT 1 FROM webhook_subscription WHERE association_id = $1',
        [associationId],
      );
      expect(rows).toHaveLength(0);
    });
  });

  describe('delivery', () => {
    it('should fail the delivery without connecting when the host resolves to loopback at delivery time', async () => {
      const rebound = await subscribe(`https://hooks.rebind.test:${rebind.port}/hook`).expect(201);
      const allowed = await subscribe(`https://hooks.intranet.test:${intranet.port}/hook`).expect(201);
      dns['hooks.rebind.test'] = '127.0.0.1';

      const hromada = profile({ associationId });
      const eu = profile({ kind: 'eu-municipality', country: 'DE', nameNative: 'Halle', nameLatin: 'Halle' });
      const partnership = partnershipEstablished(hromada.municipalityId, eu.municipalityId);
      await produce(Topics.registry.municipality, registered(hromada));
      await produce(Topics.registry.municipality, registered(eu));
      await produce(Topics.matching.partnership, partnership);

      const delivery = async (subscriptionId: string) => {
        const [row] = await service.dataSource.query<
          Array<{ status: string; attempts: number; last_error: string | null }>
        >(
          'SELECT status, attempts, last_error FROM delivery WHERE source_event_id = $1 AND recipient_id = $2',
          [partnership.meta.id, subscriptionId],
        );
        return row;
      };
      const reboundId = (rebound.body as { id: string }).id;
      await waitUntil(
        async () => (await delivery(reboundId))?.status === 'failed',
        30_000,
        'the refused delivery',
      );
      // The allow-listed receiver on the same loopback interface is connected to (its TLS handshake
      // then fails): connections through the injected resolver are real and counted.
      await waitUntil(() => intranet.connections > 0, 30_000, 'a connection to the allow-listed receiver');

      expect(await delivery(reboundId)).toEqual({
        status: 'failed',
        attempts: 1,
        last_error: 'WEBHOOK_TARGET_REFUSED: hooks.rebind.test resolves to 127.0.0.1, a loopback address',
      });
      expect(rebind.connections).toBe(0);
      expect((await delivery((allowed.body as { id: string }).id)).last_error).toMatch(/^WEBHOOK_NO_ANSWER/);
    });
  });
});
