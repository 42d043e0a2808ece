import type {
  ParticipantPersonalDataErasedV1,
  ParticipantSeatV1,
  PersonalDataErasureReason,
} from '@bridges/contracts';
import type { ParticipantEntity } from './participant.entity';

/** The part of every registration event that describes one participant's seat, as it is now. */
export function participantSeat(p: ParticipantEntity, changedAt = new Date()): ParticipantSeatV1 {
  return {
    registrationId: p.registrationId,
    eventId: p.eventId,
    participantId: p.id,
    status: p.status,
    country: p.country,
    ...(p.municipalityId ? { municipalityId: p.municipalityId } : {}),
    ...(p.associationId ? { associationId: p.associationId } : {}),
    fullName: p.fullName,
    ...(p.email ? { email: p.email } : {}),
    language: p.language,
    changedAt: changedAt.toISOString(),
  };
}

/** The announcement that a participant's personal data was erased: ids only, none of the erased data. */
export function personalDataErased(
  p: Pick<ParticipantEntity, 'registrationId' | 'eventId' | 'id'>,
  reason: PersonalDataErasureReason,
  erasedAt: Date,
): ParticipantPersonalDataErasedV1 {
  return {
    registrationId: p.registrationId,
    eventId: p.eventId,
    participantId: p.id,
    reason,
    erasedAt: erasedAt.toISOString(),
  };
}
