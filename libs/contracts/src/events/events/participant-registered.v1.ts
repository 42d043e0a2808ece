import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantRegisteredV1 extends ParticipantSeatV1 {
  /** Pending approval, or confirmed. */
  @IsIn([ParticipantStatus.Pending, ParticipantStatus.Confirmed]) declare status: ParticipantStatus;
}

/** Fires when a participant registered (alone or in a delegation) got a seat: `confirmed`, or `pending` the organiser's approval (a seat is held meanwhile); one who gets none fires `events.registration.participant-waitlisted.v1` instead. Emitted by events. */
export const ParticipantRegisteredV1Event = defineEvent({
  type: 'events.registration.participant-registered.v1',
  topic: Topics.events.registration,
  payload: ParticipantRegisteredV1,
  subjectOf: (p) => p.registrationId,
  description: 'A participant registered and holds a seat (confirmed, or pending approval).',
});
