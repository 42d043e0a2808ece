import { EventStatus } from '@bridges/contracts';

/**
 * Steps an event may take: a draft is published (registration opens in its window); registration may be
 * closed and reopened; a published or closed event is marked held once it took place; anything not held
 * may be cancelled. Held and cancelled are final.
 */
const TRANSITIONS: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  draft: [EventStatus.Published, EventStatus.Cancelled],
  published: [EventStatus.RegistrationClosed, EventStatus.Held, EventStatus.Cancelled],
  'registration-closed': [EventStatus.Published, EventStatus.Held, EventStatus.Cancelled],
  held: [],
  cancelled: [],
};

export function allowedEventTransitions(from: EventStatus): readonly EventStatus[] {
  return TRANSITIONS[from];
}

export function canTransitionEvent(from: EventStatus, to: EventStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which officers see an event (a draft is the coordinators' alone). */
export const VISIBLE_TO_OFFICERS: readonly EventStatus[] = [
  EventStatus.Published,
  EventStatus.RegistrationClosed,
  EventStatus.Held,
  EventStatus.Cancelled,
];
