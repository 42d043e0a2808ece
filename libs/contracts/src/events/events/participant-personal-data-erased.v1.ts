import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

/** Why a participant's personal data was erased. */
export const PersonalDataErasureReason = {
  /** The person (or their officer) asked for it (GDPR art. 17). */
  Request: 'request',
  /** The retention period after the event ended has passed. */
  Retention: 'retention',
} as const;
export type PersonalDataErasureReason =
  (typeof PersonalDataErasureReason)[keyof typeof PersonalDataErasureReason];

/** Ids only: the event announces that personal data is gone, so it carries none. */
export class ParticipantPersonalDataErasedV1 {
  @IsUUID() registrationId: string;
  @IsUUID() eventId: string;
  @IsUUID() participantId: string;
  @IsIn(Object.values(PersonalDataErasureReason)) reason: PersonalDataErasureReason;
  @IsDateString() erasedAt: string;
}

/**
 * Fires when a participant's personal data is erased, on request or after the retention period.
 * Emitted by events. Every consumer holding that person's data (notifications' recipient
 * `participant:<id>` and its deliveries) must delete it, not just hide it.
 */
export const ParticipantPersonalDataErasedV1Event = defineEvent({
  type: 'events.registration.personal-data-erased.v1',
  topic: Topics.events.registration,
  payload: ParticipantPersonalDataErasedV1,
  subjectOf: (p) => p.registrationId,
  description: "A participant's personal data was erased; consumers must purge it.",
});
