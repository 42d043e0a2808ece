import { DomainError, DomainErrorKind, StaleVersionError } from '@bridges/platform';

/** Stable codes of the municipalities feature; clients and tests match on them. */
export enum MunicipalityErrorCode {
  NotFound = 'MUNICIPALITY_NOT_FOUND',
  Duplicate = 'MUNICIPALITY_DUPLICATE',
  InvalidProfile = 'MUNICIPALITY_INVALID_PROFILE',
  VersionMismatch = 'MUNICIPALITY_VERSION_MISMATCH',
  ContactNotFound = 'MUNICIPALITY_CONTACT_NOT_FOUND',
  Inactive = 'MUNICIPALITY_INACTIVE',
}

export class MunicipalityNotFoundError extends DomainError {
  constructor(id: string) {
    super(MunicipalityErrorCode.NotFound, DomainErrorKind.NotFound, `Municipality ${id} does not exist`);
  }
}

/** Same country and official code as an existing profile; names it so the client can go there. */
export class DuplicateMunicipalityError extends DomainError {
  constructor(
    readonly existingId: string,
    country: string,
    officialCode: string,
  ) {
    super(
      MunicipalityErrorCode.Duplicate,
      DomainErrorKind.Conflict,
      `A municipality with country ${country} and official code ${officialCode} already exists: ${existingId}`,
    );
  }
}

/** The profile breaks a rule that spans fields (e.g. offers on a hromada). */
export class InvalidProfileError extends DomainError {
  constructor(readonly problems: readonly string[]) {
    super(
      MunicipalityErrorCode.InvalidProfile,
      DomainErrorKind.Invalid,
      `Invalid profile: ${problems.join('; ')}`,
    );
  }
}

/** `If-Match` names a version older (or newer) than the stored one: someone else changed the profile. */
export class VersionMismatchError extends StaleVersionError {
  constructor(expected: number, actual: number) {
    super(
      MunicipalityErrorCode.VersionMismatch,
      expected,
      actual,
      `The profile is at version ${actual}, not ${expected}: reload it and apply your change again`,
    );
  }
}

export class ContactNotFoundError extends DomainError {
  constructor(municipalityId: string, contactId: string) {
    super(
      MunicipalityErrorCode.ContactNotFound,
      DomainErrorKind.NotFound,
      `Municipality ${municipalityId} has no contact ${contactId}`,
    );
  }
}

export class MunicipalityInactiveError extends DomainError {
  constructor(id: string) {
    super(MunicipalityErrorCode.Inactive, DomainErrorKind.Conflict, `Municipality ${id} is deactivated`);
  }
}
