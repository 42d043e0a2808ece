/**
 * Flow 3's promise kept across services: a partnership established on `matching.partnership.v1` (delivered
 * twice and replayed under a new id) makes the events service draft one kick-off meeting with both
 * partners invited, and notifications emails each partner's contact an invitation with its `.ics`. Both
 * services run in this process on real Kafka and PostgreSQL; the emails reach a real SMTP server.
 */
import { randomUUID } from 'node:crypto';
import { PartnershipEstablishedV1Event, Topics, type PartnershipEstablishedV1 } from '@bridges/contracts';
import { createTestDatabase, waitForValue, waitUntil, type TestDatabase } from '@bridges/testing';
import { recordOf, sendRecords } from '../../apps/events/test/support/inbound-records';
import { startEventsCluster, type EventsTestCluster } from '../../apps/events/test/support/events-test-app';
import { parseCalendar } from '../../apps/notifications/test/support/icalendar';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from '../../apps/notifications/test/support/notifications-test-app';
import { profile, registered } from '../../apps/notifications/test/support/registry-records';
import {
  startSmtpTestServer,
  type SmtpTestServer,
} from '../../apps/notifications/test/support/smtp-test-server';

describe('kick-off meeting invitations across events and notifications', () => {
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
  const partnership = (overrides: Partial<PartnershipEstablishedV1> = {}): PartnershipEstablishedV1 => ({
    partnershipId: randomUUID(),
    proposalId: randomUUID(),
    campaignId: randomUUID(),
    hromadaId: hromada.municipalityId,
    euMunicipalityId: krakow.municipalityId,
    track: 'formal',
    establishedAt: '2027-03-01T07:00:00.000Z',
    ...overrides,
  });
  const INVITATION = 'events.kick-off-invitation';

  let events: EventsTestCluster;
  let notificationsDb: TestDatabase;
  let notifications: NotificationsTestApp;
  let smtp: SmtpTestServer;

  const invitations = () =>
    notifications.dataSource.query<Array<{ address: string; status: string; source_event_id: string }>>(
      'SELECT address, status, source_event_id FROM delivery WHERE template_id = $1 ORDER BY address',
      [INVITATION],
    );

  beforeAll(async () => {
    events = await startEventsCluster(1);
    await provisionNotificationsTopics(events.prefix);
    smtp = await startSmtpTestServer();
    notificationsDb = await createTestDatabase('notifications_kick_off');
    notifications = await startNotificationsTestApp({
      databaseUrl: notificationsDb.url,
      topicPrefix: events.prefix,
      smtpPort: smtp.port,
    });
    await sendRecords(events.brokers, events.topic(Topics.registry.municipality), [
      registered(hromada),
      registered(krakow),
    ]);
  }, 240_000);

  afterAll(async () => {
    await notifications?.close();
    await smtp?.stop();
    await notificationsDb?.drop();
    await events?.close();
  });

  it('should invite both partners once, each in their language, with the meeting in a calendar file', async () => {
    const p = partnership();
    const first = recordOf(PartnershipEstablishedV1Event, p);
    const replay = recordOf(PartnershipEstablishedV1Event, p); // the same partnership under a new id
    // Consumed after the others on the same partition: once its meeting exists, no other draft can follow.
    const marker = partnership({ hromadaId: randomUUID(), euMunicipalityId: randomUUID() });
    await sendRecords(
      events.brokers,
      events.topic(Topics.matching.partnership),
      [first, first, replay, recordOf(PartnershipEstablishedV1Event, marker)],
      0,
    );

    await events.probe.waitFor(
      (r) =>
        r.headers.ce_type === 'events.event.drafted.v1' &&
        (r.value as { partnershipId?: string }).partnershipId === marker.partnershipId,
      60_000,
    );
    const drafts = events.probe
      .all()
      .filter(
        (r) =>
          r.headers.ce_type === 'events.event.drafted.v1' &&
          (r.value as { partnershipId?: string }).partnershipId === p.partnershipId,
      );
    expect(drafts).toHaveLength(1); // one meeting announced, so notifications has one source to invite from
    const meetingId = (drafts[0].value as { eventId: string }).eventId;

    // Notifications' invitations are unique per draft and recipient: once both are sent, none can follow.
    await waitUntil(
      async () => {
        const rows = await invitations();
        return rows.length === 2 && rows.every((r) => r.status === 'sent');
      },
      60_000,
      'both invitations sent',
    );
    const rows = await invitations();
    expect(rows.map((r) => r.address)).toEqual(['jan@krakow.test', 'olena@zhytomyr.test']);
    expect(new Set(rows.map((r) => r.source_event_id)).size).toBe(1);

    const invitationTo = (address: string) => {
      const mails = smtp
        .to(address)
        .filter((m) => m.attachments.some((a) => a.contentType === 'text/calendar'));
      expect(mails).toHaveLength(1);
      const ics = mails[0].attachments.find((a) => a.contentType === 'text/calendar')!;
      return { mail: mails[0], calendar: parseCalendar(ics.content.toString('utf8')) };
    };
    const olena = invitationTo('olena@zhytomyr.test');
    const jan = invitationTo('jan@krakow.test');
    expect(olena.mail.subject).toMatch(/^Bridges: Запрошення: /);
    expect(jan.mail.subject).toMatch(/^Bridges: Zaproszenie: /);
    const meeting = await waitForValue(
      async () =>
        (
          await events.dataSource.query<Array<{ starts_at: Date }>>(
            'SELECT starts_at FROM event WHERE id = $1',
            [meetingId],
          )
        )[0],
      10_000,
      'the meeting',
    );
    const utc = meeting.starts_at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    for (const { calendar } of [olena, jan]) {
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.event.UID).toBe(`${meetingId}@events.bridges`);
      expect(calendar.event.DTSTART).toBe(utc);
      expect(calendar.attendees.sort()).toEqual(['jan@krakow.test', 'olena@zhytomyr.test']);
    }
  });
});
