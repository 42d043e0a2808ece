import { IsDateString } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantOfferedV1 extends ParticipantSeatV1 {
  /** The seat is held for the person until then; unaccepted, it moves to the next on the list. */
  @IsDateString() offerExpiresAt: string;
}

/**
 * Fires when a seat freed by a cancellation or a capacity increase is offered to the next eligible
 * person on the waiting list. Emitted by events; notifications tells the person the deadline.
 */
export const ParticipantOfferedV1Event = defineEvent({
  type: 'events.registration.participant-offered.v1',
  topic: Topics.events.registration,
  payload: ParticipantOfferedV1,
  subjectOf: (p) => p.registrationId,
  description: 'A waitlisted participant was offered a seat until a deadline.',
});
