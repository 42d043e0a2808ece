import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { EventStatus } from './event-vocabulary.v1';
import { EventSummaryV1 } from './event-published.v1';

export class EventChangedV1 extends EventSummaryV1 {
  /** Fields that changed, e.g. `startsAt`, `venue`, `status`, `capacity`. */
  @IsString({ each: true }) @MaxLength(64, { each: true }) @ArrayMaxSize(64) changedFields: string[];
  /** The status before, when `status` is among the changed fields. */
  @IsOptional() @IsIn(Object.values(EventStatus)) previousStatus?: EventStatus;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/**
 * Fires when a published event changes (time, place, capacity, registration closed, held). Emitted by
 * events; notifications tells the people registered, in their language.
 */
export const EventChangedV1Event = defineEvent({
  type: 'events.event.changed.v1',
  topic: Topics.events.event,
  payload: EventChangedV1,
  subjectOf: (p) => p.eventId,
  description:
    'A published event changed: schedule, place, capacity, or its status (registration closed, held).',
});
