import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantWaitlistedV1 extends ParticipantSeatV1 {
  /** Waitlisted. */
  @IsIn([ParticipantStatus.Waitlisted]) declare status: ParticipantStatus;
}

/** Fires when a participant joins the waiting list at registration (no seat or no quota left), in arrival order. Emitted by events. */
export const ParticipantWaitlistedV1Event = defineEvent({
  type: 'events.registration.participant-waitlisted.v1',
  topic: Topics.events.registration,
  payload: ParticipantWaitlistedV1,
  subjectOf: (p) => p.registrationId,
  description: 'A participant joined the waiting list.',
});
