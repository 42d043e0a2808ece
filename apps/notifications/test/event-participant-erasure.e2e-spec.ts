import { randomUUID } from 'node:crypto';
import {
  EventPublishedV1Event,
  ParticipantConfirmedV1Event,
  ParticipantPersonalDataErasedV1Event,
  PersonalDataErasureReason,
  Topics,
  type EventSummaryV1,
  type ParticipantPersonalDataErasedV1,
  type ParticipantSeatV1,
} from '@bridges/contracts';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { eventRecord, type TestRecord } from './support/registry-records';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

interface DeliveryRow {
  recipient_id: string;
  address: string | null;
  subject: string | null;
  body: string | null;
  attachments: unknown;
  status: string;
}

// Events announces that a participant's personal data was erased (on request or after the event); the
// participant's recipient and the personal content of their deliveries must go, as for an erased contact.
describe('notifications: a participant erased in events, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const forum: EventSummaryV1 = {
    eventId: randomUUID(),
    kind: 'solidarity-forum',
    status: 'published',
    titleUk: 'Форум солідарності Польща–Україна',
    titleEn: 'Poland–Ukraine solidarity forum',
    format: 'in-person',
    venue: 'ICE Kraków',
    address: 'ul. Marii Konopnickiej 17, Kraków',
    startsAt: '2027-03-10T09:00:00.000Z',
    endsAt: '2027-03-10T16:00:00.000Z',
    timeZone: 'Europe/Warsaw',
    capacity: 400,
    invitedMunicipalityIds: [],
  };
  const registrationId = randomUUID();
  const seat = (overrides: Partial<ParticipantSeatV1>): ParticipantSeatV1 => ({
    registrationId,
    eventId: forum.eventId,
    participantId: randomUUID(),
    status: 'confirmed',
    country: 'UA',
    fullName: 'Оксана Мельник',
    email: 'oksana@dolyna.test',
    language: 'uk',
    changedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  });
  const erasedSeat = seat({});
  const keptSeat = seat({ fullName: 'Петро Шевчук', email: 'petro@dolyna.test' });
  const erasedId = `participant:${erasedSeat.participantId}`;
  const keptId = `participant:${keptSeat.participantId}`;
  const published = eventRecord(EventPublishedV1Event, forum);
  const confirmations = [
    eventRecord(ParticipantConfirmedV1Event, erasedSeat),
    eventRecord(ParticipantConfirmedV1Event, keptSeat),
  ];
  const erasure: ParticipantPersonalDataErasedV1 = {
    registrationId,
    eventId: forum.eventId,
    participantId: erasedSeat.participantId,
    reason: PersonalDataErasureReason.Request,
    erasedAt: '2026-11-30T11:00:00.000Z',
  };
  const erased = eventRecord(ParticipantPersonalDataErasedV1Event, erasure);
  // The purge after the event announces the same person again, under a new id.
  const purged = eventRecord(ParticipantPersonalDataErasedV1Event, {
    ...erasure,
    reason: PersonalDataErasureReason.Retention,
  });

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const produce = async (topic: string, records: TestRecord[]) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  };
  /** Proves every record before it on the registration's partition was consumed: a malformed record on the same key goes to the DLQ after them. */
  const consumedThroughRegistration = async () => {
    const marker = `marker ${randomUUID()}`;
    await producer.send({
      topic: `${prefix}${Topics.events.registration}`,
      messages: [{ key: registrationId, value: marker }],
    });
    await probe.waitFor((r) => r.value === marker, 60_000);
  };
  const deliveries = () =>
    service.dataSource.query<DeliveryRow[]>(
      `SELECT recipient_id, address, subject, body, attachments, status FROM delivery
        WHERE recipient_id = ANY($1) ORDER BY recipient_id`,
      [[erasedId, keptId]],
    );
  const recipients = () =>
    service.dataSource.query<Array<{ id: string; name: string; email: string | null }>>(
      `SELECT id, name, email FROM recipient WHERE id = ANY($1) ORDER BY id`,
      [[erasedId, keptId]],
    );
  const statuses = () =>
    service.dataSource.query<Array<{ recipient_id: string }>>(
      `SELECT recipient_id FROM event_participant WHERE event_id = $1 ORDER BY recipient_id`,
      [forum.eventId],
    );

  beforeAll(async () => {
    db = await createTestDatabase('notifications_participant_erasure_e2e');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
    });
    probe = await TopicProbe.start(testKafkaBrokers(), [`${prefix}${Topics.events.registration}.dlq`]);
    producer = await rawProducer(testKafkaBrokers());

    await produce(Topics.events.event, [published]);
    await produce(Topics.events.registration, confirmations);
    await smtp.waitForCount(2, 60_000);
    await waitUntil(
      async () => {
        const rows = await deliveries();
        return rows.length === 2 && rows.every((r) => r.status === 'sent');
      },
      30_000,
      'both confirmations sent',
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should hold the participants with their personal data and calendar files before any erasure', async () => {
    expect((await recipients()).map((r) => [r.id, r.email])).toEqual(
      [
        [erasedId, 'oksana@dolyna.test'],
        [keptId, 'petro@dolyna.test'],
      ].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect((await deliveries()).every((r) => r.address && r.body && r.attachments)).toBe(true);
  });

  it('should erase the participant and their deliveries’ personal data, leave the other alone, and stay erased under replay', async () => {
    // The erasure, its redelivery (same id) and the purge's announcement of the same person (new id).
    await produce(Topics.events.registration, [erased, erased, purged]);
    await consumedThroughRegistration();

    expect((await recipients()).map((r) => [r.id, r.name, r.email])).toEqual([
      [keptId, 'Петро Шевчук', 'petro@dolyna.test'],
    ]);
    expect((await statuses()).map((r) => r.recipient_id)).toEqual([keptId]);
    const rows = await deliveries();
    expect(rows.find((r) => r.recipient_id === erasedId)).toEqual({
      recipient_id: erasedId,
      address: null,
      subject: null,
      body: null,
      attachments: null,
      status: 'sent',
    });
    const kept = rows.find((r) => r.recipient_id === keptId);
    expect(kept?.address).toBe('petro@dolyna.test');
    expect(kept?.attachments).not.toBeNull();
    // Nothing was refused: each erasure record was consumed, none dead-lettered.
    expect(probe.all().filter((r) => typeof r.value !== 'string' || !r.value.startsWith('marker'))).toEqual(
      [],
    );
  });

  it('should keep the erasure behind registration records parked for their event, so they never bring the person back', async () => {
    const laterForum = { ...forum, eventId: randomUUID() };
    const laterRegistrationId = randomUUID();
    const person = seat({ registrationId: laterRegistrationId, eventId: laterForum.eventId });
    const recipientId = `participant:${person.participantId}`;
    const confirmation = eventRecord(ParticipantConfirmedV1Event, person);
    const erasedLater = eventRecord(ParticipantPersonalDataErasedV1Event, {
      ...erasure,
      registrationId: laterRegistrationId,
      eventId: laterForum.eventId,
      participantId: person.participantId,
    });
    // The confirmation parks (its event is not projected yet); the erasure needs nothing, yet parks behind it.
    await produce(Topics.events.registration, [confirmation, erasedLater]);
    await waitUntil(
      async () => {
        const [{ parked }] = await service.dataSource.query<Array<{ parked: number }>>(
          `SELECT count(*)::int AS parked FROM parked_event WHERE event_id = ANY($1)`,
          [[confirmation.meta.id, erasedLater.meta.id]],
        );
        return parked === 2;
      },
      30_000,
      'confirmation and erasure parked',
    );

    await produce(Topics.events.event, [eventRecord(EventPublishedV1Event, laterForum)]);
    await waitUntil(
      async () => {
        const done = await service.dataSource.query<unknown[]>(
          `SELECT 1 FROM inbox_processed_event WHERE event_id = $1`,
          [erasedLater.meta.id],
        );
        return done.length === 1;
      },
      60_000,
      'erasure applied after the parked confirmation',
    );

    const left = await service.dataSource.query<unknown[]>(`SELECT 1 FROM recipient WHERE id = $1`, [
      recipientId,
    ]);
    expect(left).toEqual([]);
    const rows = await service.dataSource.query<DeliveryRow[]>(
      `SELECT recipient_id, address, subject, body, attachments, status FROM delivery WHERE recipient_id = $1`,
      [recipientId],
    );
    // The confirmation was written on resume, then erased: sent in between or failed before, nothing personal stays.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ address: null, subject: null, body: null, attachments: null });
  });
});
