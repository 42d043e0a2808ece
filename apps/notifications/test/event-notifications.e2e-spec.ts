import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import {
  EventCancelledV1Event,
  EventChangedV1Event,
  EventDraftedV1Event,
  EventPublishedV1Event,
  ParticipantConfirmedV1Event,
  ParticipantOfferedV1Event,
  ParticipantSubstitutedV1Event,
  ParticipantWaitlistedV1Event,
  Topics,
  type EventDraftedV1,
  type EventSummaryV1,
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
import { EventReminderScheduler } from '../src/event-notifications/event-reminder.scheduler';
import { parseCalendar } from './support/icalendar';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { eventRecord, profile, registered, type TestRecord } from './support/registry-records';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// The events service's records arrive on real Kafka as it writes them; emails arrive at a real SMTP
// server and their `.ics` attachments are read back. Every record of interest is produced twice with the
// same id (a replay): each email must still arrive once.
describe('notifications: events and registrations, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const hromada = profile({
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
    workingLanguages: ['pl', 'en'],
    contacts: [
      { contactId: randomUUID(), name: 'Jan Nowak', email: 'jan@krakow.test', preferredLanguage: 'pl' },
    ],
  });
  const summary = (overrides: Partial<EventSummaryV1>): EventSummaryV1 => ({
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
    ...overrides,
  });
  const kickOff: EventDraftedV1 = {
    ...summary({
      kind: 'bilateral-kick-off-meeting',
      status: 'draft',
      titleUk: 'Стартова зустріч: Житомир і Краків',
      titleEn: 'Kick-off meeting: Zhytomyr and Kraków',
      format: 'online',
      venue: undefined,
      address: undefined,
      startsAt: '2026-12-08T13:00:00.000Z',
      endsAt: '2026-12-08T14:00:00.000Z',
      timeZone: 'Europe/Kyiv',
      capacity: 20,
      partnershipId: randomUUID(),
      invitedMunicipalityIds: [hromada.municipalityId, krakow.municipalityId],
    }),
    origin: 'partnership-established',
  };
  const forum = summary({});
  const seat = (overrides: Partial<ParticipantSeatV1>): ParticipantSeatV1 => ({
    registrationId: randomUUID(),
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
  const confirmed = eventRecord(ParticipantConfirmedV1Event, seat({}));
  const waitlisted = eventRecord(
    ParticipantWaitlistedV1Event,
    seat({
      status: 'waitlisted',
      country: 'PL',
      fullName: 'Anna Kowalska',
      email: 'anna@lublin.test',
      language: 'en',
    }),
  );
  const offered = eventRecord(ParticipantOfferedV1Event, {
    ...seat({ status: 'offered', fullName: 'Петро Шевчук', email: 'petro@sumy.test' }),
    offerExpiresAt: '2026-12-02T10:00:00.000Z',
  });
  const drafted = eventRecord(EventDraftedV1Event, kickOff);
  const published = eventRecord(EventPublishedV1Event, forum, { time: '2026-11-30T09:00:00.000Z' });
  const eventRecords = [drafted, published];
  const registrationRecords = [confirmed, waitlisted, offered];
  const EXPECTED_EMAILS = 5; // two kick-off invitations, confirmed, waitlisted, offered

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
  /** Proves every record before it on those keys' partitions was consumed: a malformed record on the same key goes to the DLQ after them. */
  const consumedThrough = async (topic: string, records: TestRecord[]) => {
    const markers = records.map((r) => ({ ...r, value: `marker ${randomUUID()}`, headers: {} }));
    await produce(topic, markers);
    await probe.waitForCount((m) => markers.some((k) => k.value === m.value), markers.length);
  };
  const deliveriesOf = (sourceIds: string[]) =>
    service.dataSource.query<
      Array<{ address: string; status: string; attempts: number; template_id: string }>
    >(
      'SELECT address, status, attempts, template_id FROM delivery WHERE source_event_id = ANY($1) ORDER BY address',
      [sourceIds],
    );
  /** The SMTP server has a message before the dispatcher records it sent: wait for the rows too. */
  const allSent = (sourceIds: string[], count: number) =>
    waitUntil(
      async () => {
        const rows = await deliveriesOf(sourceIds);
        return rows.length === count && rows.every((r) => r.status === 'sent');
      },
      30_000,
      `${count} deliveries sent`,
    );
  const mailTo = (address: string): ParsedMail => {
    const found = smtp.to(address);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const calendarOf = (mail: ParsedMail) => {
    const ics = mail.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(ics).toHaveLength(1);
    return parseCalendar(ics[0].content.toString('utf8'));
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_events_e2e');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
    });
    probe = await TopicProbe.start(testKafkaBrokers(), [
      `${prefix}${Topics.events.event}.dlq`,
      `${prefix}${Topics.events.registration}.dlq`,
    ]);
    producer = await rawProducer(testKafkaBrokers());

    await produce(Topics.registry.municipality, [registered(hromada), registered(krakow)]);
    // Registrations first: they park until their event's record arrives on the other topic.
    await produce(Topics.events.registration, registrationRecords);
    await produce(Topics.events.event, eventRecords);
    // The replay: the same records (same ids) again.
    await produce(Topics.events.event, eventRecords);
    await produce(Topics.events.registration, registrationRecords);
    await smtp.waitForCount(EXPECTED_EMAILS, 60_000);
    await consumedThrough(Topics.events.event, eventRecords);
    await consumedThrough(Topics.events.registration, registrationRecords);
    await allSent(
      [...eventRecords, ...registrationRecords].map((r) => r.meta.id),
      EXPECTED_EMAILS,
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should write one delivery per person and record though every record came twice, each sent once', async () => {
    const rows = await deliveriesOf([...eventRecords, ...registrationRecords].map((r) => r.meta.id));
    expect(rows.map((r) => [r.address, r.template_id])).toEqual([
      ['anna@lublin.test', 'events.registration-waitlisted'],
      ['jan@krakow.test', 'events.kick-off-invitation'],
      ['oksana@dolyna.test', 'events.registration-confirmed'],
      ['olena@zhytomyr.test', 'events.kick-off-invitation'],
      ['petro@sumy.test', 'events.seat-offered'],
    ]);
    // Rows are final (sent on the first attempt, none due again), so no further email can follow.
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(smtp.received).toHaveLength(EXPECTED_EMAILS);
  });

  it('should invite both partners of the kick-off meeting, each in their language, with one shared calendar invitation', () => {
    const olena = mailTo('olena@zhytomyr.test');
    expect(olena.subject).toBe('Bridges: Запрошення: Стартова зустріч: Житомир і Краків');
    expect(olena.text).toContain('8 грудня 2026');
    expect(olena.text).toContain('Europe/Kyiv');
    const jan = mailTo('jan@krakow.test');
    expect(jan.subject).toBe('Bridges: Zaproszenie: Kick-off meeting: Zhytomyr and Kraków');
    expect(jan.text).toContain('8 grudnia 2026'); // Polish for the Kraków contact, who reads Polish
    for (const mail of [olena, jan]) {
      const calendar = calendarOf(mail);
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.event.UID).toBe(`${kickOff.eventId}@events.bridges`);
      expect(calendar.event.DTSTART).toBe('20261208T130000Z');
      expect(calendar.event.DTEND).toBe('20261208T140000Z');
      expect(calendar.attendees.sort()).toEqual(['jan@krakow.test', 'olena@zhytomyr.test']);
    }
    expect(calendarOf(olena).event.SUMMARY).toBe('Стартова зустріч: Житомир і Краків');
    expect(calendarOf(jan).event.SUMMARY).toBe('Kick-off meeting: Zhytomyr and Kraków');
  });

  it('should confirm a seat in Ukrainian with the event in a calendar file, times in UTC', () => {
    const mail = mailTo('oksana@dolyna.test');
    expect(mail.subject).toBe('Bridges: Реєстрацію підтверджено: Форум солідарності Польща–Україна');
    expect(mail.headers.get('content-language')).toBe('uk');
    expect(mail.text).toContain('ICE Kraków');
    expect(mail.text).toContain('10:00 (Europe/Warsaw)'); // 09:00 UTC, in the forum's own zone
    const calendar = calendarOf(mail);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.event.UID).toBe(`${forum.eventId}@events.bridges`);
    expect(calendar.event.DTSTART).toBe('20270310T090000Z');
    expect(calendar.event.SUMMARY).toBe('Форум солідарності Польща–Україна');
    expect(calendar.event.LOCATION).toContain('ICE Kraków');
  });

  it('should tell a waitlisted person in English, without a calendar file', () => {
    const mail = mailTo('anna@lublin.test');
    expect(mail.subject).toBe('Bridges: Waiting list: Poland–Ukraine solidarity forum');
    expect(mail.text).toContain('we will offer it to you');
    expect(mail.attachments).toHaveLength(0);
  });

  it('should offer a seat with its deadline in the event’s time zone', () => {
    const mail = mailTo('petro@sumy.test');
    expect(mail.subject).toBe('Bridges: Для вас звільнилося місце: Форум солідарності Польща–Україна');
    expect(mail.text).toContain('2 грудня 2026');
    expect(mail.text).toContain('11:00 (Europe/Warsaw)'); // 10:00 UTC
  });

  describe('when the forum moves, then is cancelled', () => {
    const moved = eventRecord(
      EventChangedV1Event,
      {
        ...forum,
        startsAt: '2027-03-11T08:00:00.000Z',
        endsAt: '2027-03-11T15:00:00.000Z',
        changedFields: ['startsAt', 'endsAt'],
        reason: 'Зал зайнятий 10 березня',
      },
      { time: '2026-12-01T09:00:00.000Z' },
    );
    const cancelled = eventRecord(
      EventCancelledV1Event,
      {
        ...forum,
        status: 'cancelled',
        startsAt: '2027-03-11T08:00:00.000Z',
        endsAt: '2027-03-11T15:00:00.000Z',
      },
      { time: '2026-12-02T09:00:00.000Z' },
    );
    const PARTICIPANTS = ['anna@lublin.test', 'oksana@dolyna.test', 'petro@sumy.test'];

    beforeAll(async () => {
      await produce(Topics.events.event, [moved, cancelled, moved, cancelled]);
      await smtp.waitForCount(EXPECTED_EMAILS + 2 * PARTICIPANTS.length, 60_000);
      await consumedThrough(Topics.events.event, [moved]);
      await allSent([moved.meta.id, cancelled.meta.id], 2 * PARTICIPANTS.length);
    }, 90_000);

    it('should tell each registered person once of the move with an updated calendar entry, then of the cancellation', async () => {
      const rows = await deliveriesOf([moved.meta.id, cancelled.meta.id]);
      expect(rows.map((r) => `${r.address} ${r.template_id}`).sort()).toEqual(
        PARTICIPANTS.flatMap((a) => [`${a} events.event-cancelled`, `${a} events.event-changed`]),
      );
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
      expect(smtp.received).toHaveLength(EXPECTED_EMAILS + 6);
    });

    it('should send the move with the same UID, the new time in UTC and a higher SEQUENCE', () => {
      const [first] = smtp.to('oksana@dolyna.test'); // the confirmation, sent before the forum moved
      const change = smtp.to('oksana@dolyna.test').find((m) => m.subject?.includes('Зміни'))!;
      expect(change.subject).toBe('Bridges: Зміни в події: Форум солідарності Польща–Україна');
      expect(change.text).toContain('Зал зайнятий 10 березня');
      const before = calendarOf(first);
      const after = calendarOf(change);
      expect(after.method).toBe('REQUEST');
      expect(after.event.UID).toBe(before.event.UID);
      expect(after.event.DTSTART).toBe('20270311T080000Z');
      expect(Number(after.event.SEQUENCE)).toBeGreaterThan(Number(before.event.SEQUENCE));
    });

    it('should cancel in English for an English speaker, removing the entry from the calendar', () => {
      const mail = smtp.to('anna@lublin.test').find((m) => m.subject?.includes('cancelled'));
      expect(mail?.subject).toBe('Bridges: Event cancelled: Poland–Ukraine solidarity forum');
      const calendar = calendarOf(mail!);
      expect(calendar.method).toBe('CANCEL');
      expect(calendar.event.UID).toBe(`${forum.eventId}@events.bridges`);
    });
  });

  describe('when a published event starts within the reminder lead time', () => {
    const soon = summary({
      titleUk: 'Вебінар про енергоефективність',
      titleEn: 'Energy efficiency webinar',
      kind: 'webinar',
      format: 'online',
      venue: undefined,
      address: undefined,
      startsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      timeZone: 'Europe/Kyiv',
    });
    const attendee = eventRecord(
      ParticipantConfirmedV1Event,
      seat({ eventId: soon.eventId, fullName: 'Ірина Бондар', email: 'iryna@dolyna.test' }),
    );
    const waiting = eventRecord(
      ParticipantWaitlistedV1Event,
      seat({
        eventId: soon.eventId,
        status: 'waitlisted',
        email: 'taras@dolyna.test',
        fullName: 'Тарас Гнатюк',
      }),
    );
    const reminderRows = () =>
      service.dataSource.query<Array<{ address: string; status: string }>>(
        `SELECT address, status FROM delivery WHERE template_id = 'events.reminder' AND source_event_id LIKE $1`,
        [`event-reminder:${soon.eventId}:%`],
      );

    beforeAll(async () => {
      await produce(Topics.events.event, [eventRecord(EventPublishedV1Event, soon)]);
      await produce(Topics.events.registration, [attendee, waiting]);
      await allSent([attendee.meta.id, waiting.meta.id], 2);
    }, 90_000);

    it('should remind the confirmed participant once, however many rounds run, with the calendar entry', async () => {
      const scheduler = service.app.get(EventReminderScheduler);
      // Two instances' rounds at once, then another: the event is reminded of this start once.
      await Promise.all([scheduler.remindDue(), scheduler.remindDue()]);
      expect(await scheduler.remindDue()).toBe(0);
      await waitUntil(
        async () => (await reminderRows()).some((r) => r.status === 'sent'),
        30_000,
        'the reminder sent',
      );
      expect((await reminderRows()).map((r) => r.address)).toEqual(['iryna@dolyna.test']);
      const mail = smtp.to('iryna@dolyna.test').find((m) => m.subject?.includes('Нагадування'))!;
      expect(mail.subject).toBe('Bridges: Нагадування: Вебінар про енергоефективність');
      expect(calendarOf(mail).event.UID).toBe(`${soon.eventId}@events.bridges`);
      expect(smtp.to('taras@dolyna.test').filter((m) => m.subject?.includes('Нагадування'))).toHaveLength(0);
    });
  });

  describe('when a delegation substitutes a confirmed delegate', () => {
    const seatBefore = seat({ fullName: 'Микола Данилюк', email: 'mykola@dolyna.test' });
    const before = eventRecord(ParticipantConfirmedV1Event, seatBefore, { time: '2026-11-30T10:00:00.000Z' });
    const substituted = eventRecord(
      ParticipantSubstitutedV1Event,
      {
        ...seatBefore,
        fullName: 'Hanna Schmidt',
        email: 'hanna@dolyna.test',
        language: 'en',
        previousFullName: 'Микола Данилюк',
      },
      { time: '2026-11-30T11:00:00.000Z' },
    );

    beforeAll(async () => {
      await produce(Topics.events.registration, [before, substituted, substituted]);
      await allSent([before.meta.id, substituted.meta.id], 2);
    }, 90_000);

    it('should confirm the newcomer in their language with the calendar entry, and address them from now on', async () => {
      const mail = mailTo('hanna@dolyna.test');
      expect(mail.subject).toBe('Bridges: Registration confirmed: Poland–Ukraine solidarity forum');
      expect(calendarOf(mail).event.UID).toBe(`${forum.eventId}@events.bridges`);
      expect(mailTo('mykola@dolyna.test').subject).toContain('Реєстрацію підтверджено');
      const [recipient] = await service.dataSource.query<Array<{ email: string; name: string }>>(
        'SELECT email, name FROM recipient WHERE id = $1',
        [`participant:${seatBefore.participantId}`],
      );
      expect(recipient).toEqual({ email: 'hanna@dolyna.test', name: 'Hanna Schmidt' });
    });
  });
});
