import { randomUUID } from 'node:crypto';
import {
  MatchProposedV1Event,
  PartnershipEstablishedV1Event,
  ProposalDecidedV1Event,
  ProposalWithdrawnV1Event,
  Topics,
  type MatchProposedV1,
  type MunicipalityProfileV1,
} from '@bridges/contracts';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { DeliveryDispatcher } from '../src/deliveries/delivery.dispatcher';
import { ProposalDigestScheduler } from '../src/proposal-notifications/proposal-digest.scheduler';
import { eventRecord, profile, registered, type TestRecord } from './support/registry-records';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// A digest must not present as new a proposal that was decided, withdrawn or became a partnership
// before it went out, whether the outcome arrived before the digest was planned or while the planned
// digest waited to be sent. The test drives planning and sending itself (the timers are off), so
// "before" is exact; everything else is the whole service on real Kafka, PostgreSQL and SMTP.
describe('notifications: digests leave out proposals decided before they are sent, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const MATCHING_CONSOLE = 'http://127.0.0.1:3002/console/';
  const REGISTRY_CONSOLE = 'http://127.0.0.1:3001/console/';
  const contactEmail = 'oksana@hromada.test';
  const hromada = profile({
    contacts: [{ contactId: randomUUID(), name: 'Oksana', email: contactEmail, preferredLanguage: 'en' }],
  });
  const eu = (name: string): MunicipalityProfileV1 =>
    profile({ kind: 'eu-municipality', country: 'PL', nameNative: name, nameLatin: name, needs: [] });
  const partners = ['Lublin', 'Rzeszów', 'Kielce', 'Opole', 'Toruń', 'Gdynia'].map(eu);
  const [lublin, rzeszow, kielce, opole, torun, gdynia] = partners;

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  let planner: ProposalDigestScheduler;
  let dispatcher: DeliveryDispatcher;

  const produce = async (topic: string, records: TestRecord[]) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  };
  const propose = (partner: MunicipalityProfileV1, score: number): TestRecord =>
    eventRecord(MatchProposedV1Event, {
      proposalId: randomUUID(),
      campaignId: randomUUID(),
      hromadaId: hromada.municipalityId,
      euMunicipalityId: partner.municipalityId,
      score,
      rank: 1,
      mode: 'incremental',
      factors: [{ factor: 'sector-fit', score: 0.9, weight: 0.4, explanation: 'needs meet offers' }],
    } satisfies MatchProposedV1);
  const proposalIdOf = (record: TestRecord) => (JSON.parse(record.value) as MatchProposedV1).proposalId;
  const query = <T>(sql: string, params: unknown[]) => service.dataSource.query<T[]>(sql, params);
  const pendingCount = async (records: TestRecord[]) =>
    (
      await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pending_proposal WHERE proposal_id = ANY($1)`,
        [records.map(proposalIdOf)],
      )
    )[0].n;
  const outcomeRecorded = async (proposalId: string) =>
    (await query<unknown>('SELECT 1 FROM proposal_outcome WHERE proposal_id = $1', [proposalId])).length ===
    1;
  const digestDeliveries = () =>
    query<{ id: string; status: string; last_error: string | null; subject: string; body: string }>(
      `SELECT id, status, last_error, subject, body FROM delivery
        WHERE template_id = 'matching.proposals-digest' ORDER BY created_at, id`,
      [],
    );
  /** Sends every due delivery; returns when a round claims nothing (nothing due is left). */
  const sendAllDue = async () => {
    while ((await dispatcher.dispatchOnce()) > 0);
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_stale_digests');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      env: {
        NOTIFICATIONS_DISPATCH_ENABLED: 'false',
        MATCHING_CONSOLE_URL: MATCHING_CONSOLE,
        REGISTRY_CONSOLE_URL: REGISTRY_CONSOLE,
      },
    });
    planner = service.app.get(ProposalDigestScheduler);
    dispatcher = service.app.get(DeliveryDispatcher);
    producer = await rawProducer(testKafkaBrokers());
    await produce(Topics.registry.municipality, [hromada, ...partners].map(registered));
  });

  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should leave out a proposal that became a partnership before the digest was planned, and link the rest to the matching console', async () => {
    const toLublin = propose(lublin, 0.9);
    const toRzeszow = propose(rzeszow, 0.7);
    await produce(Topics.matching.proposal, [toLublin, toRzeszow]);
    await waitUntil(async () => (await pendingCount([toLublin, toRzeszow])) === 2, 30_000, 'both proposals');
    await produce(Topics.matching.partnership, [
      eventRecord(PartnershipEstablishedV1Event, {
        partnershipId: randomUUID(),
        proposalId: proposalIdOf(toLublin),
        campaignId: randomUUID(),
        hromadaId: hromada.municipalityId,
        euMunicipalityId: lublin.municipalityId,
        track: 'formal',
        establishedAt: new Date().toISOString(),
      }),
    ]);
    await waitUntil(() => outcomeRecorded(proposalIdOf(toLublin)), 30_000, 'the partnership');

    expect(await planner.flushDue()).toBe(1);
    await sendAllDue();

    const digests = smtp.to(contactEmail).filter((m) => m.subject?.includes('proposal'));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Bridges: 1 new partnership proposal for Zhytomyr urban hromada');
    expect(digests[0].text).toContain('Rzeszów');
    expect(digests[0].text).not.toContain('Lublin');
    expect(digests[0].text).toContain(`${MATCHING_CONSOLE}proposals/${proposalIdOf(toRzeszow)}`);
    // Who the partner is, without looking it up: region, population and its public profile.
    expect(digests[0].text).toContain(`Region: ${rzeszow.region.name}`);
    expect(digests[0].text).toContain(`Population: ${rzeszow.population!.toLocaleString('en')}`);
    expect(digests[0].text).toContain(`${REGISTRY_CONSOLE}municipalities/${rzeszow.municipalityId}`);
    const [dropped] = await query<{ dropped_reason: string; digest_id: string | null }>(
      'SELECT dropped_reason, digest_id FROM pending_proposal WHERE proposal_id = $1',
      [proposalIdOf(toLublin)],
    );
    expect(dropped).toEqual({ dropped_reason: 'partnership', digest_id: null });
  });

  it('should re-render a planned digest without a proposal withdrawn while it waited to be sent', async () => {
    const before = await digestDeliveries();
    const toKielce = propose(kielce, 0.8);
    const toOpole = propose(opole, 0.6);
    await produce(Topics.matching.proposal, [toKielce, toOpole]);
    await waitUntil(async () => (await pendingCount([toKielce, toOpole])) === 2, 30_000, 'both proposals');
    expect(await planner.flushDue()).toBe(1);
    const [queued] = (await digestDeliveries()).slice(before.length);
    expect(queued.status).toBe('queued');
    expect(queued.body).toContain('Kielce');

    await produce(Topics.matching.proposal, [
      eventRecord(ProposalWithdrawnV1Event, {
        proposalId: proposalIdOf(toKielce),
        reason: 'EU municipality has no partnership capacity left',
      }),
    ]);
    await waitUntil(() => outcomeRecorded(proposalIdOf(toKielce)), 30_000, 'the withdrawal');
    await sendAllDue();

    const [sent] = (await digestDeliveries()).slice(before.length);
    expect(sent.status).toBe('sent');
    const mail = smtp.to(contactEmail).find((m) => m.messageId === `<${sent.id}@notifications.bridges>`);
    expect(mail?.subject).toBe('Bridges: 1 new partnership proposal for Zhytomyr urban hromada');
    expect(mail?.text).toContain('Opole');
    expect(mail?.text).not.toContain('Kielce');
  });

  it('should send nothing, and record why, when every proposal of a planned digest was decided before it was sent', async () => {
    const before = await digestDeliveries();
    const mailsBefore = smtp.received.length;
    const toTorun = propose(torun, 0.8);
    const toGdynia = propose(gdynia, 0.6);
    await produce(Topics.matching.proposal, [toTorun, toGdynia]);
    await waitUntil(async () => (await pendingCount([toTorun, toGdynia])) === 2, 30_000, 'both proposals');
    expect(await planner.flushDue()).toBe(1);

    const decisions = [
      // The EU side declined one; the hromada itself accepted the other, so its contacts are done with it.
      eventRecord(ProposalDecidedV1Event, {
        proposalId: proposalIdOf(toTorun),
        side: 'eu-municipality',
        decision: 'declined',
        decidedBy: 'officer-torun',
      }),
      eventRecord(ProposalDecidedV1Event, {
        proposalId: proposalIdOf(toGdynia),
        side: 'hromada',
        decision: 'accepted',
        decidedBy: 'officer-hromada',
      }),
    ];
    await produce(Topics.matching.proposal, decisions);
    await waitUntil(
      async () => (await outcomeRecorded(proposalIdOf(toTorun))) && outcomeRecorded(proposalIdOf(toGdynia)),
      30_000,
      'both decisions',
    );

    const [digest] = (await digestDeliveries()).slice(before.length);
    expect(digest).toMatchObject({ status: 'failed', last_error: 'DIGEST_NOTHING_OPEN' });
    // Nothing is due any more, so a dispatch round claims nothing and no email can follow.
    expect(await dispatcher.dispatchOnce()).toBe(0);
    expect(smtp.received).toHaveLength(mailsBefore);
    const reasons = await query<{ dropped_reason: string }>(
      'SELECT dropped_reason FROM pending_proposal WHERE proposal_id = ANY($1) ORDER BY score DESC',
      [[proposalIdOf(toTorun), proposalIdOf(toGdynia)]],
    );
    expect(reasons.map((r) => r.dropped_reason)).toEqual(['declined', 'decided-by-hromada']);
  });
});
