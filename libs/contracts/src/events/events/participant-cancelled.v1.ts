import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantCancelledV1 extends ParticipantSeatV1 {
  /** Cancelled (by the person or their delegation), or rejected by the organiser. */
  @IsIn([ParticipantStatus.Cancelled, ParticipantStatus.Rejected]) declare status: ParticipantStatus;
}

/** Fires when a participant cancels, is rejected by the organiser, or declines an offer; a freed seat is offered on. Emitted by events. */
export const ParticipantCancelledV1Event = defineEvent({
  type: 'events.registration.participant-cancelled.v1',
  topic: Topics.events.registration,
  payload: ParticipantCancelledV1,
  subjectOf: (p) => p.registrationId,
  description: 'A participant’s registration was cancelled or rejected.',
});
