import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { EventSummaryV1 } from './event-published.v1';

export class EventCancelledV1 extends EventSummaryV1 {
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** Fires when an event is cancelled. Emitted by events; notifications tells everyone registered. */
export const EventCancelledV1Event = defineEvent({
  type: 'events.event.cancelled.v1',
  topic: Topics.events.event,
  payload: EventCancelledV1,
  subjectOf: (p) => p.eventId,
  description: 'An event was cancelled.',
});
