import { ParticipantStatus } from '@bridges/contracts';
import type { ParticipantEntity } from './participant.entity';
import type { RegistrationEntity } from './registration.entity';

/** A participant as the API answers: the check-in code only on a confirmed seat. */
export interface ParticipantView extends Omit<
  ParticipantEntity,
  'checkInCode' | 'arrivalSeq' | 'waitlistSeq' | 'eventId' | 'registrationId'
> {
  readonly checkInCode: string | null;
  /** 1-based place on the waiting list, while waitlisted. */
  readonly waitlistPosition: number | null;
}

export interface RegistrationView extends RegistrationEntity {
  readonly participants: ParticipantView[];
}

export function toRegistrationView(
  registration: RegistrationEntity,
  participants: readonly ParticipantEntity[],
  waitlistPositions: ReadonlyMap<string, number>,
): RegistrationView {
  return {
    ...registration,
    participants: participants.map(
      ({ checkInCode, arrivalSeq: _a, waitlistSeq: _w, eventId: _e, registrationId: _r, ...p }) => ({
        ...p,
        checkInCode: p.status === ParticipantStatus.Confirmed ? checkInCode : null,
        waitlistPosition: waitlistPositions.get(p.id) ?? null,
      }),
    ),
  };
}
