import { DependencyNotYetAvailableError } from '@bridges/messaging';

/** Parking key of a registration event waiting for its event's `events.event.v1` record. */
export function eventDependency(eventId: string): string {
  return `event:${eventId}`;
}

/** A registration arrived before the event it is for (another topic): it parks until the event is projected. */
export class EventNotProjectedError extends DependencyNotYetAvailableError {
  override readonly name = 'EventNotProjectedError';

  constructor(readonly eventId: string) {
    super(eventDependency(eventId), `Event ${eventId} is not projected yet`);
  }
}
