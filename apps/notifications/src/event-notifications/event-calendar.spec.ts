import { parseCalendar } from '../../test/support/icalendar';
import { eventCalendarAttachment } from './event-calendar';
import type { EventProjectionEntity } from './event-projection.entity';

describe(eventCalendarAttachment.name, () => {
  const event: EventProjectionEntity = {
    eventId: '6f1c2f4e-8d5b-4c1a-9a77-3b2d1e0f9a10',
    kind: 'solidarity-forum',
    status: 'published',
    titleUk: 'Форум солідарності',
    titleEn: 'Solidarity forum',
    format: 'in-person',
    venue: 'ICE Kraków',
    address: 'ul. Marii Konopnickiej 17',
    startsAt: new Date('2027-03-10T09:00:00.000Z'),
    endsAt: new Date('2027-03-10T16:00:00.000Z'),
    timeZone: 'Europe/Warsaw',
    invitedMunicipalityIds: [],
    sourceTime: new Date('2026-11-30T10:00:00.000Z'),
    remindedStartsAt: null,
    updatedAt: new Date(),
  };
  const options = { locale: 'uk', organizerEmail: 'notifications@bridges.localhost' };

  it('should write the event in UTC under a stable UID, titled in the reader language', () => {
    const file = eventCalendarAttachment(event, { ...options, method: 'PUBLISH' });
    expect(file.contentType).toBe('text/calendar; charset=UTF-8; method=PUBLISH');
    const calendar = parseCalendar(file.content);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.event).toMatchObject({
      UID: `${event.eventId}@events.bridges`,
      DTSTART: '20270310T090000Z',
      DTEND: '20270310T160000Z',
      SUMMARY: 'Форум солідарності',
      LOCATION: 'ICE Kraków\\, ul. Marii Konopnickiej 17',
      STATUS: 'CONFIRMED',
    });
  });

  it('should raise SEQUENCE with a newer version of the event, so calendars take the update', () => {
    const sequenceOf = (sourceTime: string) =>
      Number(
        parseCalendar(
          eventCalendarAttachment(
            { ...event, sourceTime: new Date(sourceTime) },
            { ...options, method: 'REQUEST' },
          ).content,
        ).event.SEQUENCE,
      );
    expect(sequenceOf('2026-12-01T08:00:00.000Z')).toBeGreaterThan(sequenceOf('2026-11-30T10:00:00.000Z'));
  });

  it('should cancel the same entry with METHOD:CANCEL', () => {
    const calendar = parseCalendar(eventCalendarAttachment(event, { ...options, method: 'CANCEL' }).content);
    expect(calendar.method).toBe('CANCEL');
    expect(calendar.event.STATUS).toBe('CANCELLED');
    expect(calendar.event.UID).toBe(`${event.eventId}@events.bridges`);
  });
});
