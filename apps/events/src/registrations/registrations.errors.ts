import type { EventStatus, ParticipantStatus } from '@bridges/contracts';
import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of registration errors. */
export enum RegistrationErrorCode {
  NotFound = 'REGISTRATION_NOT_FOUND',
  ParticipantNotFound = 'PARTICIPANT_NOT_FOUND',
  Closed = 'REGISTRATION_CLOSED',
  NotInvited = 'REGISTRATION_NOT_INVITED',
  InvalidParticipantStep = 'PARTICIPANT_INVALID_STEP',
  OfferExpired = 'PARTICIPANT_OFFER_EXPIRED',
  PersonalDataErased = 'PARTICIPANT_PERSONAL_DATA_ERASED',
}

export class RegistrationNotFoundError extends DomainError {
  constructor(id: string) {
    super(RegistrationErrorCode.NotFound, DomainErrorKind.NotFound, `Registration ${id} does not exist`);
  }
}

export class ParticipantNotFoundError extends DomainError {
  constructor(id: string) {
    super(
      RegistrationErrorCode.ParticipantNotFound,
      DomainErrorKind.NotFound,
      `Participant ${id} does not exist`,
    );
  }
}

/** The event does not take registrations now (not published, or outside its registration window). */
export class RegistrationClosedError extends DomainError {
  constructor(status: EventStatus, why: string) {
    super(
      RegistrationErrorCode.Closed,
      DomainErrorKind.Conflict,
      `Registration is closed (event ${status}): ${why}`,
    );
  }
}

export class NotInvitedError extends DomainError {
  constructor() {
    super(
      RegistrationErrorCode.NotInvited,
      DomainErrorKind.Forbidden,
      'This event is by invitation only and the registering municipality is not invited',
    );
  }
}

/** A step that does not apply to the participant's seat as it stands (e.g. accepting an offer never made). */
export class InvalidParticipantStepError extends DomainError {
  constructor(
    readonly step: string,
    readonly status: ParticipantStatus,
  ) {
    super(
      RegistrationErrorCode.InvalidParticipantStep,
      DomainErrorKind.Conflict,
      `Cannot ${step} a participant who is ${status}`,
    );
  }
}

export class OfferExpiredError extends DomainError {
  constructor(expiredAt: Date) {
    super(
      RegistrationErrorCode.OfferExpired,
      DomainErrorKind.Conflict,
      `The seat offer expired at ${expiredAt.toISOString()} and has moved on`,
    );
  }
}

export class PersonalDataErasedError extends DomainError {
  constructor() {
    super(
      RegistrationErrorCode.PersonalDataErased,
      DomainErrorKind.Conflict,
      'The participant’s personal data was erased; the seat can no longer be used',
    );
  }
}
