import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  DeliveryStatusChangedV1Event,
  MatchProposedV1Event,
  Topics,
  type MatchProposedV1,
} from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { WEBHOOK_SIGNATURE_HEADER } from '../src/webhooks';
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
import {
  startWebhookReceiver,
  verifyBridgesSignature,
  type WebhookReceiver,
} from './support/webhook-receiver';

// The whole service on real Kafka, PostgreSQL and SMTP: registry profiles and a partnership arrive as
// Kafka records (as registry and matching write them), emails arrive at a real SMTP server, webhooks at
// a real HTTP receiver that verifies them with the documented recipe.
describe('notifications: partnership established, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const euAssociationId = randomUUID();
  const hromada = profile({
    associationId: randomUUID(),
    contacts: [
      {
        contactId: randomUUID(),
        name: 'Олена Коваль',
        email: 'olena@zhytomyr.test',
        preferredLanguage: 'uk',
      },
    ],
  });
  const krakow = profile({
    kind: 'eu-municipality',
    country: 'PL',
    nameNative: 'Kraków',
    nameLatin: 'Krakow',
    region: { name: 'Małopolskie' },
    population: 804_237,
    sectors: ['energy-efficiency'],
    needs: [],
    offers: [{ sector: 'energy-efficiency' }, { sector: 'waste-management' }],
    workingLanguages: ['pl', 'en'],
    associationId: euAssociationId,
    contacts: [
      { contactId: randomUUID(), name: 'Jan Nowak', email: 'jan@krakow.test', preferredLanguage: 'pl' },
      {
        contactId: randomUUID(),
        name: 'Rūta Kazlauskienė',
        email: 'ruta@krakow.test',
        preferredLanguage: 'lt',
      },
    ],
  });
  const partnership = partnershipEstablished(hromada.municipalityId, krakow.municipalityId);
  const records: Array<{ topic: string; record: TestRecord }> = [
    { topic: Topics.registry.municipality, record: registered(hromada) },
    { topic: Topics.registry.municipality, record: registered(krakow) },
    { topic: Topics.matching.partnership, record: partnership },
  ];
  const EXPECTED_EMAILS = 4; // Olena, Jan, Rūta, the EU association's office
  const EXPECTED_DELIVERIES = EXPECTED_EMAILS + 1; // and one webhook

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let receiver: WebhookReceiver;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  let admin: string;

  const produce = async (items: Array<{ topic: string; record: TestRecord }>) => {
    for (const { topic, record } of items) {
      await producer.send({
        topic: `${prefix}${topic}`,
        messages: [{ key: record.key, value: record.value, headers: record.headers }],
      });
    }
  };
  const deliveryRows = () =>
    service.dataSource.query<Array<{ status: string; channel: string; attempts: number }>>(
      'SELECT status, channel, attempts FROM delivery WHERE source_event_id = $1',
      [partnership.meta.id],
    );
  /**
   * Proves the partnership's deliveries are final: every row sent on its first attempt. A further email
   * or webhook would need a new row (the unique key forbids it) or a row due again; none is, and a send
   * in flight would show as `sending`. So once this holds, the receivers' counts cannot move any more.
   */
  const expectDeliveriesFinal = async () => {
    const rows = await deliveryRows();
    expect(rows).toHaveLength(EXPECTED_DELIVERIES);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  };
  /**
   * Proves every record produced before it on those keys' partitions was consumed: a malformed record
   * with the same key (so the same partition) goes to the DLQ at once, after whatever preceded it.
   */
  const consumedThrough = async (items: Array<{ topic: string; record: TestRecord }>) => {
    const markers = items.map(({ topic, record }) => ({
      topic,
      record: { ...record, value: `marker ${randomUUID()}`, headers: {} },
    }));
    await produce(markers);
    await probe.waitForCount((r) => markers.some((m) => m.record.value === r.value), markers.length);
  };
  const mailTo = (address: string) => {
    const found = smtp.to(address);
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_e2e');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    receiver = await startWebhookReceiver();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      // Proposals of one matching run arrive within this window and land in one digest.
      env: { NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '2000' },
    });
    probe = await TopicProbe.start(testKafkaBrokers(), [
      `${prefix}${Topics.notifications.delivery}`,
      `${prefix}${Topics.registry.municipality}.dlq`,
      `${prefix}${Topics.matching.partnership}.dlq`,
    ]);
    producer = await rawProducer(testKafkaBrokers());
    admin = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.NotificationsAdmin], sub: 'admin-1' });

    await request(service.url)
      .post('/recipients')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        kind: 'association',
        associationId: euAssociationId,
        name: 'Biuro ZMP',
        email: 'office@zmp.test',
        preferredLanguage: 'pl',
      })
      .expect(201);
    const subscription = await request(service.url)
      .post('/webhook-subscriptions')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        associationId: euAssociationId,
        url: receiver.url,
        eventTypes: ['matching.partnership.established.v1'],
      })
      .expect(201);
    receiver.secret = (subscription.body as { secret: string }).secret;

    await produce(records);
    await smtp.waitForCount(EXPECTED_EMAILS);
    await waitUntil(() => receiver.received.length >= 1, 30_000, 'the webhook');
    await waitUntil(
      async () => (await deliveryRows()).filter((r) => r.status === 'sent').length === EXPECTED_DELIVERIES,
      30_000,
      'every delivery sent',
    );
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await service?.close();
    await receiver?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  describe('emails', () => {
    it('should write to the hromada contact in Ukrainian about Kraków with the kick-off meeting as next step', () => {
      const mail = mailTo('olena@zhytomyr.test');
      expect(mail.subject).toBe('Bridges: Партнерство встановлено: Житомирська міська громада і Kraków');
      expect(mail.text).toContain('Kraków');
      expect(mail.text).toContain('Małopolskie');
      expect(mail.text).toContain('стартову двосторонню онлайн-зустріч');
      expect(mail.headers.get('content-language')).toBe('uk');
    });

    it('should write to the EU contact in Polish about the hromada when Polish is preferred', () => {
      const mail = mailTo('jan@krakow.test');
      expect(mail.subject).toBe('Bridges: Partnerstwo nawiązane: Kraków i Zhytomyr urban hromada');
      expect(mail.text).toContain('Житомирська міська громада');
      expect(mail.text).toContain('dwustronne spotkanie online');
      expect(mail.text).toContain('Potrzebuje wsparcia w zakresie: Zaopatrzenie w wodę i kanalizacja');
      expect(mail.text).not.toContain('Water supply');
    });

    it("should fall back to the municipality's country language for a contact whose language has no translation", () => {
      const mail = mailTo('ruta@krakow.test');
      expect(mail.subject).toBe('Bridges: Partnerstwo nawiązane: Kraków i Zhytomyr urban hromada');
      expect(mail.headers.get('content-language')).toBe('pl');
    });

    it("should tell the EU municipality's association about its member's partnership", () => {
      const mail = mailTo('office@zmp.test');
      expect(mail.subject).toContain('Nowe partnerstwo członka');
      expect(mail.text).toContain('Zhytomyr');
    });

    it('should carry a working unsubscribe link and a stable Message-ID per delivery', async () => {
      const mail = mailTo('olena@zhytomyr.test');
      const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      const link = /<([^>]+)>/.exec(line)?.[1] ?? '';
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3003\/unsubscribe\?token=/);
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@notifications\.bridges>$/);
      const url = new URL(link);
      const preferenceOf = async () =>
        (
          await service.dataSource.query<Array<{ disabled_templates: string[] }>>(
            'SELECT disabled_templates FROM recipient_preference WHERE recipient_id = $1',
            [hromada.contacts[0].contactId],
          )
        )[0];

      // Opening the link (as a person, or a mail scanner fetching every link) only asks.
      const page = await request(service.url).get(`${url.pathname}${url.search}`).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Unsubscribe?');
      expect(page.text).toContain('Відписатися?');
      const form = /<form method="post" action="([^"]+)">/.exec(page.text);
      expect(form).not.toBeNull();
      expect(await preferenceOf()).toBeUndefined();

      // The page's button posts the same link.
      const action = new URL(form![1].replace(/&amp;/g, '&'), link);
      expect(action.toString()).toBe(link);
      const done = await request(service.url).post(`${action.pathname}${action.search}`).expect(200);
      expect(done.text).toContain('You are unsubscribed');
      expect((await preferenceOf())?.disabled_templates).toEqual(['email:partnership.established']);
    });

    it('should answer a page saying the link is not valid when the token was forged', async () => {
      const mail = mailTo('jan@krakow.test');
      const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      const url = new URL(/<([^>]+)>/.exec(line)?.[1] ?? '');
      const forged = `${url.searchParams.get('token')!.split('.')[0]}.${'A'.repeat(43)}`;
      for (const response of [
        await request(service.url).get('/unsubscribe').query({ token: forged }).expect(400),
        await request(service.url).post('/unsubscribe').query({ token: forged }).expect(400),
      ]) {
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.text).toContain('This link is not valid');
        expect(response.text).toContain('Посилання недійсне');
        expect(response.text).not.toContain('<form');
      }
      const [preference] = await service.dataSource.query<unknown[]>(
        'SELECT 1 FROM recipient_preference WHERE recipient_id = $1',
        [krakow.contacts[0].contactId],
      );
      expect(preference).toBeUndefined();
    });

    it('should unsubscribe with one click when a mail client POSTs the link (RFC 8058)', async () => {
      const mail = mailTo('ruta@krakow.test');
      const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      const url = new URL(/<([^>]+)>/.exec(line)?.[1] ?? '');
      expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      );
      await request(service.url)
        .post(`${url.pathname}${url.search}`)
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      const [preference] = await service.dataSource.query<Array<{ disabled_templates: string[] }>>(
        'SELECT disabled_templates FROM recipient_preference WHERE recipient_id = $1',
        [krakow.contacts[1].contactId],
      );
      expect(preference.disabled_templates).toEqual(['email:partnership.established']);
    });
  });

  describe('webhooks', () => {
    it('should POST the partnership to the subscribed association with a signature the documented recipe accepts', () => {
      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received;
      expect(hook.accepted).toBe(true);
      expect(hook.headers['bridges-event-id']).toBe(partnership.meta.id);
      expect(hook.headers['bridges-event-type']).toBe('matching.partnership.established.v1');
      const body = JSON.parse(hook.rawBody.toString('utf8')) as {
        data: { partnershipId: string; hromada: { nameLatin: string } };
      };
      expect(body.data.partnershipId).toBe(JSON.parse(partnership.value).partnershipId);
      expect(body.data.hromada.nameLatin).toBe('Zhytomyr urban hromada');
    });

    it('should be rejected by the documented recipe when the body or the signature was tampered with', async () => {
      const [hook] = receiver.received;
      const header = String(hook.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]);
      const tamperedBody = Buffer.from(hook.rawBody.toString('utf8').replace('formal', 'solidarity'));
      const tamperedHeader = header.replace(
        /v1=([0-9a-f])/,
        (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`,
      );
      expect(verifyBridgesSignature(tamperedBody, header, receiver.secret)).toBe(false);
      expect(verifyBridgesSignature(hook.rawBody, tamperedHeader, receiver.secret)).toBe(false);

      const response = await fetch(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: tamperedHeader },
        body: hook.rawBody,
      });
      expect(response.status).toBe(401);
    });
  });

  describe('delivery tracking', () => {
    it('should publish queued and sent on notifications.delivery.v1 for every delivery, without addresses', async () => {
      const mine = (status: string) => (r: { value: unknown; headers: Record<string, string> }) =>
        r.headers.ce_type === DeliveryStatusChangedV1Event.type &&
        (r.value as { causedByEventId: string; status: string }).causedByEventId === partnership.meta.id &&
        (r.value as { status: string }).status === status;
      const sent = await probe.waitForCount(mine('sent'), EXPECTED_DELIVERIES);
      await probe.waitForCount(mine('queued'), EXPECTED_DELIVERIES);
      for (const record of sent) expect(JSON.stringify(record.value)).not.toContain('@');
    });

    it('should answer the delivery log by source event for an admin', async () => {
      const response = await request(service.url)
        .get('/deliveries')
        .query({ sourceEventId: partnership.meta.id })
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      const page = response.body as { total: number; items: Array<{ status: string; attempts: number }> };
      expect(page.total).toBe(EXPECTED_DELIVERIES);
      expect(page.items.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
      for (const domain of ['zhytomyr.test', 'krakow.test', 'zmp.test'])
        expect(JSON.stringify(page.items)).not.toContain(domain);
    });
  });

  describe('metrics', () => {
    it('should count deliveries by channel and state on /metrics', async () => {
      const response = await request(service.url).get('/metrics').expect(200);
      expect(response.text).toContain('bridges_notifications_deliveries{channel="email",status="sent"} 4');
      expect(response.text).toContain('bridges_notifications_deliveries{channel="webhook",status="sent"} 1');
      expect(response.text).toContain('bridges_notifications_disabled_webhook_subscriptions 0');
    });
  });

  describe('inbox', () => {
    it("should show the partnership in the hromada officers' inbox and count it unread until marked read", async () => {
      const officer = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [Role.MunicipalityOfficer],
        municipalityId: hromada.municipalityId,
        sub: 'officer-zhytomyr',
      });
      const list = await request(service.url)
        .get('/inbox')
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      const items = (list.body as { items: Array<{ id: string; templateId: string; title: string }> }).items;
      expect(items).toHaveLength(1);
      expect(items[0].templateId).toBe('partnership.established');
      expect(items[0].title).toContain('Kraków');
      await request(service.url)
        .get('/inbox/unread-count')
        .set('Authorization', `Bearer ${officer}`)
        .expect(200, { unread: 1 });
      await request(service.url)
        .post(`/inbox/${items[0].id}/read`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      await request(service.url)
        .get('/inbox/unread-count')
        .set('Authorization', `Bearer ${officer}`)
        .expect(200, { unread: 0 });
    });

    it("should not show one municipality's items to another municipality's officer", async () => {
      const other = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [Role.MunicipalityOfficer],
        municipalityId: randomUUID(),
        sub: 'officer-elsewhere',
      });
      const list = await request(service.url)
        .get('/inbox')
        .set('Authorization', `Bearer ${other}`)
        .expect(200);
      expect((list.body as { total: number }).total).toBe(0);
    });
  });

  describe('replay', () => {
    it('should send nothing twice when the same records are delivered again', async () => {
      await produce(records);
      await consumedThrough(records);
      await expectDeliveriesFinal();
      expect(smtp.received).toHaveLength(EXPECTED_EMAILS);
      expect(receiver.received.filter((r) => r.accepted)).toHaveLength(1);
    });

    it('should send nothing twice when a new consumer group replays every topic from the beginning on the same database', async () => {
      const replayGroup = `${prefix}replay-${randomUUID()}`;
      const replay = await startNotificationsTestApp({
        databaseUrl: db.url,
        topicPrefix: prefix,
        smtpPort: smtp.port,
        consumerGroupId: replayGroup,
      });
      try {
        // The partnership record, read again by a group with an empty inbox: its inbox row commits with
        // whatever effect the replay had, so once it is there the database shows that effect.
        await waitUntil(
          async () => {
            const [row] = await replay.dataSource.query<Array<{ n: string }>>(
              `SELECT count(*) AS n FROM inbox_processed_event WHERE consumer_group = $1 AND event_type = 'matching.partnership.established.v1'`,
              [replayGroup],
            );
            return Number(row.n) >= 1;
          },
          30_000,
          'the replay',
        );
        await expectDeliveriesFinal();
      } finally {
        await replay.close();
      }
      expect(smtp.received).toHaveLength(EXPECTED_EMAILS);
      expect(receiver.received.filter((r) => r.accepted)).toHaveLength(1);
    });
  });

  describe('proposal digests', () => {
    const proposal = (score: number): MatchProposedV1 => ({
      proposalId: randomUUID(),
      campaignId: randomUUID(),
      hromadaId: hromada.municipalityId,
      euMunicipalityId: krakow.municipalityId,
      score,
      rank: 1,
      mode: 'incremental',
      factors: [
        { factor: 'sector-fit', score: 0.9, weight: 0.4, explanation: 'water-supply need meets offer' },
        { factor: 'distance', score: 0.5, weight: 0.2, explanation: '750 km' },
      ],
    });
    const before = EXPECTED_EMAILS;

    beforeAll(async () => {
      await request(service.url)
        .post('/recipients')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          kind: 'coordinator',
          sub: 'coordinator-1',
          name: 'Anna Schmidt',
          email: 'anna@cemr.test',
          roles: ['matching:coordinator'],
        })
        .expect(201);
      const proposals = [
        eventRecord(MatchProposedV1Event, proposal(0.81)),
        eventRecord(MatchProposedV1Event, proposal(0.74)),
      ];
      await produce(proposals.map((record) => ({ topic: Topics.matching.proposal, record })));
      // Every digest is final: each pending proposal taken into a digest (both recipients') and each
      // digest delivery sent. Nothing is left that could become another email.
      await waitUntil(
        async () => {
          const [row] = await service.dataSource.query<
            Array<{ open: number; taken: number; unsent: number }>
          >(
            `SELECT count(*) FILTER (WHERE digested_at IS NULL)::int AS open,
                    count(*) FILTER (WHERE digested_at IS NOT NULL)::int AS taken,
                    (SELECT count(*)::int FROM delivery WHERE template_id = 'matching.proposals-digest' AND status <> 'sent') AS unsent
               FROM pending_proposal WHERE source_event_id = ANY($1)`,
            [proposals.map((p) => p.meta.id)],
          );
          return row.open === 0 && row.taken === 4 && row.unsent === 0;
        },
        30_000,
        'both digests sent',
      );
    });

    it("should send the hromada's contact one Ukrainian digest with both proposals instead of one email each", () => {
      const digests = smtp.to('olena@zhytomyr.test').filter((m) => m.subject?.includes('пропозиці'));
      expect(digests).toHaveLength(1);
      expect(digests[0].subject).toBe('Bridges: 2 нові пропозиції партнерства — Житомирська міська громада');
      expect(digests[0].text).toContain('81');
      expect(digests[0].text).toContain('74');
    });

    it('should send a matching coordinator one English digest', () => {
      const digests = smtp.to('anna@cemr.test');
      expect(digests).toHaveLength(1);
      expect(digests[0].subject).toBe('Bridges: 2 new partnership proposals');
      expect(smtp.received).toHaveLength(before + 2);
    });

    it("should list both proposals in the coordinator's console inbox at once", async () => {
      const coordinator = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [Role.MatchingCoordinator],
        sub: 'coordinator-1',
      });
      const list = await request(service.url)
        .get('/inbox')
        .set('Authorization', `Bearer ${coordinator}`)
        .expect(200);
      const items = (list.body as { items: Array<{ templateId: string; title: string; summary: string }> })
        .items;
      expect(items.map((i) => i.templateId)).toEqual(['matching.proposal', 'matching.proposal']);
      // Names from the directory, not ids: who the proposed partner is, in both scripts.
      expect(items[0].title).toBe('Житомирська міська громада (Zhytomyr urban hromada) – Kraków (Krakow)');
      expect(items[0].summary).toMatch(
        /^Kraków \(Krakow\), Poland · Małopolskie · 804,237 inhabitants · match score (81|74)%$/,
      );
    });

    it('should register a coordinator as a recipient the first time they use the console', async () => {
      const newcomer = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [Role.MatchingCoordinator],
        sub: 'coordinator-2',
        email: 'new.coordinator@cemr.test',
      });
      await request(service.url)
        .get('/inbox/unread-count')
        .set('Authorization', `Bearer ${newcomer}`)
        .expect(200, { unread: 0 });
      const recipient = await request(service.url)
        .get('/recipients/coordinator-2')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(recipient.body).toMatchObject({
        kind: 'coordinator',
        email: 'new.coordinator@cemr.test',
        roles: ['matching:coordinator'],
        active: true,
      });
    });
  });
});
