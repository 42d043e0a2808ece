/**
 * Wire values of the events service: kinds of event, their lifecycle, and where a participant's seat
 * stands. Labels per language live beside the values, for consoles and email templates alike.
 */

export const EventKind = {
  KickOffMeeting: 'bilateral-kick-off-meeting',
  SolidarityForum: 'solidarity-forum',
  StudyVisit: 'study-visit',
  SummerSchool: 'summer-school',
  Webinar: 'webinar',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, { readonly en: string; readonly uk: string }>> = {
  'bilateral-kick-off-meeting': { en: 'Bilateral kick-off meeting', uk: 'Двостороння стартова зустріч' },
  'solidarity-forum': { en: 'Solidarity forum', uk: 'Форум солідарності' },
  'study-visit': { en: 'Study visit', uk: 'Навчальний візит' },
  'summer-school': { en: 'Summer school', uk: 'Літня школа' },
  webinar: { en: 'Webinar', uk: 'Вебінар' },
};

/** draft → published ⇄ registration-closed → held; anything not held may be cancelled. */
export const EventStatus = {
  Draft: 'draft',
  Published: 'published',
  RegistrationClosed: 'registration-closed',
  Held: 'held',
  Cancelled: 'cancelled',
} as const;
export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus];

export const EventFormat = { Online: 'online', InPerson: 'in-person' } as const;
export type EventFormat = (typeof EventFormat)[keyof typeof EventFormat];

/**
 * Where one participant's seat stands. `pending` (awaiting approval), `offered` (a waitlisted person was
 * offered a freed seat, until a deadline) and `confirmed` hold a seat; the others do not.
 */
export const ParticipantStatus = {
  Pending: 'pending',
  Confirmed: 'confirmed',
  Waitlisted: 'waitlisted',
  Offered: 'offered',
  OfferExpired: 'offer-expired',
  Rejected: 'rejected',
  Cancelled: 'cancelled',
} as const;
export type ParticipantStatus = (typeof ParticipantStatus)[keyof typeof ParticipantStatus];

/** The statuses that hold a seat (count against capacity and quotas). */
export const SEAT_HOLDING_STATUSES: readonly ParticipantStatus[] = [
  ParticipantStatus.Pending,
  ParticipantStatus.Offered,
  ParticipantStatus.Confirmed,
];
