import type { AidRequestStatus } from '@bridges/contracts';
import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum AidRequestErrorCode {
  NotFound = 'AID_REQUEST_NOT_FOUND',
  InvalidTransition = 'AID_REQUEST_INVALID_TRANSITION',
  NotPledgeable = 'AID_REQUEST_NOT_PLEDGEABLE',
  HasOpenPledges = 'AID_REQUEST_HAS_OPEN_PLEDGES',
  NotAHromada = 'AID_REQUEST_NOT_A_HROMADA',
  AddresseeNotPartner = 'AID_REQUEST_ADDRESSEE_NOT_PARTNER',
  ContactUnknown = 'AID_REQUEST_CONTACT_UNKNOWN',
}

export class AidRequestNotFoundError extends DomainError {
  constructor(id: string) {
    super(AidRequestErrorCode.NotFound, DomainErrorKind.NotFound, `Aid request ${id} does not exist`);
  }
}

/** A status step that does not exist; carries the ones that do, for the 409 body. */
export class InvalidAidRequestTransitionError extends DomainError {
  constructor(
    readonly from: AidRequestStatus,
    readonly to: AidRequestStatus,
    readonly allowedTransitions: readonly AidRequestStatus[],
  ) {
    super(
      AidRequestErrorCode.InvalidTransition,
      DomainErrorKind.Conflict,
      `An aid request cannot go from ${from} to ${to}; allowed: ${allowedTransitions.join(', ') || 'none (final)'}`,
    );
  }
}

export class AidRequestNotPledgeableError extends DomainError {
  constructor(id: string, status: AidRequestStatus) {
    super(
      AidRequestErrorCode.NotPledgeable,
      DomainErrorKind.Conflict,
      `Aid request ${id} is ${status}: pledges are taken only while it is open`,
    );
  }
}

export class AidRequestHasOpenPledgesError extends DomainError {
  constructor(id: string, count: number) {
    super(
      AidRequestErrorCode.HasOpenPledges,
      DomainErrorKind.Conflict,
      `Aid request ${id} has ${count} pledge(s) not yet shipped: they must be withdrawn before it is cancelled`,
    );
  }
}

export class NotAHromadaError extends DomainError {
  constructor(id: string) {
    super(
      AidRequestErrorCode.NotAHromada,
      DomainErrorKind.Invalid,
      `Municipality ${id} is not a Ukrainian hromada`,
    );
  }
}

export class AddresseeNotPartnerError extends DomainError {
  constructor(id: string) {
    super(
      AidRequestErrorCode.AddresseeNotPartner,
      DomainErrorKind.Invalid,
      `Municipality ${id} has no established or active partnership with the hromada`,
    );
  }
}

export class ContactUnknownError extends DomainError {
  constructor(id: string) {
    super(AidRequestErrorCode.ContactUnknown, DomainErrorKind.Invalid, `The hromada has no contact ${id}`);
  }
}
