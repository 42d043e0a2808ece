import type { ParticipantSeatV1 } from '@bridges/contracts';
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
