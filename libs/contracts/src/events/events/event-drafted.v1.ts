import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { EventSummaryV1 } from './event-published.v1';

export const EventDraftOrigin = {
  Coordinator: 'coordinator',
  PartnershipEstablished: 'partnership-established',
  ForumAnnounced: 'forum-announced',
} as const;
export type EventDraftOrigin = (typeof EventDraftOrigin)[keyof typeof EventDraftOrigin];

export class EventDraftedV1 extends EventSummaryV1 {
  @IsIn(Object.values(EventDraftOrigin)) origin: EventDraftOrigin;
  @IsOptional() @IsString() @MaxLength(200) externalForumId?: string;
}

/**
 * Fires when an event is drafted: by a coordinator, for a partnership just established (its kick-off
 * meeting), or for a forum an association announced. Emitted by events; coordinators publish drafts.
 */
export const EventDraftedV1Event = defineEvent({
  type: 'events.event.drafted.v1',
  topic: Topics.events.event,
  payload: EventDraftedV1,
  subjectOf: (p) => p.eventId,
  description: 'An event was drafted (by a coordinator, for a new partnership, or for an announced forum).',
});
