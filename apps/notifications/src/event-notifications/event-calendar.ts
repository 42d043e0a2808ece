import { createEvent, type Attendee, type EventAttributes } from 'ics';
import type { EmailAttachment } from '../channels/email/email-sender';
import type { EventProjectionEntity } from './event-projection.entity';

/** iTIP method: REQUEST invites (calendars offer accept/decline), PUBLISH adds, CANCEL removes. */
export type CalendarMethod = 'REQUEST' | 'PUBLISH' | 'CANCEL';

/**
 * The event's calendar entry as an `.ics` attachment, made with the `ics` library. Times are written in
 * UTC (`DTSTART:…Z`) so every calendar places them right whatever its zone. The UID is the event's, so a
 * later change or cancellation replaces the same entry; SEQUENCE grows with the projection's source time
 * (seconds), so calendars accept each newer version.
 */
export function eventCalendarAttachment(
  event: EventProjectionEntity,
  options: { method: CalendarMethod; locale: string; organizerEmail: string; attendees?: Attendee[] },
): EmailAttachment {
  const attributes: EventAttributes = {
    uid: `${event.eventId}@events.bridges`,
    productId: 'bridges/notifications',
    method: options.method,
    title: options.locale === 'uk' ? event.titleUk : event.titleEn,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    sequence: Math.floor(event.sourceTime.getTime() / 1000),
    status: options.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: 'Bridges', email: options.organizerEmail },
    ...(event.venue || event.address
      ? { location: [event.venue, event.address].filter(Boolean).join(', ') }
      : {}),
    ...(options.attendees?.length ? { attendees: options.attendees } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`iCalendar entry for event ${event.eventId}: ${error?.message}`);
  return {
    filename: options.method === 'CANCEL' ? 'cancelled.ics' : 'event.ics',
    contentType: `text/calendar; charset=UTF-8; method=${options.method}`,
    content: value,
  };
}
