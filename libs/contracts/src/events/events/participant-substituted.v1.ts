import { IsString, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantSubstitutedV1 extends ParticipantSeatV1 {
  /** Who held the seat before (the new person is `fullName`). */
  @IsString() @MaxLength(200) previousFullName: string;
}

/** Fires when a delegation substitutes a delegate: the seat and its status stay, the person changes. Emitted by events. */
export const ParticipantSubstitutedV1Event = defineEvent({
  type: 'events.registration.participant-substituted.v1',
  topic: Topics.events.registration,
  payload: ParticipantSubstitutedV1,
  subjectOf: (p) => p.registrationId,
  description: 'Another person took a delegate’s seat (the seat and its status are kept).',
});
