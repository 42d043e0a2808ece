import { IsIn } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ParticipantStatus } from './event-vocabulary.v1';
import { ParticipantSeatV1 } from './participant-seat.v1';

export class ParticipantOfferExpiredV1 extends ParticipantSeatV1 {
  /** Offer-expired. */
  @IsIn([ParticipantStatus.OfferExpired]) declare status: ParticipantStatus;
}

/** Fires when an offered seat was not accepted before its deadline; the seat is offered to the next eligible person. Emitted by events. */
export const ParticipantOfferExpiredV1Event = defineEvent({
  type: 'events.registration.participant-offer-expired.v1',
  topic: Topics.events.registration,
  payload: ParticipantOfferExpiredV1,
  subjectOf: (p) => p.registrationId,
  description: 'An offered seat was not taken in time and moved on.',
});
