import type { EventStatus } from '@bridges/contracts/events/events/event-vocabulary.v1';

/**
 * The event lifecycle as the events service enforces it (apps/events event.lifecycle.ts): the console
 * offers only these steps. Kept equal to the service's table by event-transitions.spec.ts.
 */
export const EVENT_TRANSITIONS: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  draft: ['published', 'cancelled'],
  published: ['registration-closed', 'held', 'cancelled'],
  'registration-closed': ['published', 'held', 'cancelled'],
  held: [],
  cancelled: [],
};
