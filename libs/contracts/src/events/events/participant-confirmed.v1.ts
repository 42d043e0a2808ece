import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantConfirmedV1 extends ParticipantSeatV1 {
  /** Confirmed. */
  @IsIn([ParticipantStatus.Confirmed]) declare status: ParticipantStatus;
}

/** Fires when a seat is confirmed (at once, after approval, or by accepting an offer); notifications sends the confirmation with the calendar entry. Emitted by events. */
export const ParticipantConfirmedV1Event = defineEvent({
  type: 'events.registration.participant-confirmed.v1',
  topic: Topics.events.registration,
  payload: ParticipantConfirmedV1,
  subjectOf: (p) => p.registrationId,
  description: 'A participant’s seat is confirmed.',
});
