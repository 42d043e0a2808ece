import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantCheckedInV1 extends ParticipantSeatV1 {
  /** Confirmed (only confirmed seats check in). */
  @IsIn([ParticipantStatus.Confirmed]) declare status: ParticipantStatus;
}

/** Fires the first time a participant's check-in code is scanned. Emitted by events. */
export const ParticipantCheckedInV1Event = defineEvent({
  type: 'events.registration.participant-checked-in.v1',
  topic: Topics.events.registration,
  payload: ParticipantCheckedInV1,
  subjectOf: (p) => p.registrationId,
  description: 'A participant was checked in at the event.',
});
