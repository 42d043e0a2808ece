import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of errors when recording a partnership formed outside Bridges. */
export enum RecordedPartnershipErrorCode {
  MunicipalityNotProjected = 'RECORDED_PARTNERSHIP_MUNICIPALITY_UNKNOWN',
  WrongKind = 'RECORDED_PARTNERSHIP_WRONG_KIND',
  Inactive = 'RECORDED_PARTNERSHIP_MUNICIPALITY_INACTIVE',
  DateInFuture = 'RECORDED_PARTNERSHIP_DATE_IN_FUTURE',
}

/** The municipality is not (yet) in matching's projection of the registry. */
export class MunicipalityNotProjectedError extends DomainError {
  constructor(
    readonly field: 'hromadaId' | 'euMunicipalityId',
    id: string,
  ) {
    super(
      RecordedPartnershipErrorCode.MunicipalityNotProjected,
      DomainErrorKind.NotFound,
      `${field}: municipality ${id} is not known to matching (not registered, or not projected yet)`,
    );
  }
}

/** A hromada named as the EU side, or the other way round. */
export class WrongMunicipalityKindError extends DomainError {
  constructor(field: 'hromadaId' | 'euMunicipalityId', id: string, expected: string) {
    super(
      RecordedPartnershipErrorCode.WrongKind,
      DomainErrorKind.Unprocessable,
      `${field}: municipality ${id} is not a ${expected}`,
    );
  }
}

/** A deactivated profile cannot take a new partnership. */
export class MunicipalityInactiveError extends DomainError {
  constructor(field: 'hromadaId' | 'euMunicipalityId', id: string) {
    super(
      RecordedPartnershipErrorCode.Inactive,
      DomainErrorKind.Unprocessable,
      `${field}: municipality ${id} is deactivated in the registry`,
    );
  }
}

export class EstablishedOnInFutureError extends DomainError {
  constructor(day: string) {
    super(
      RecordedPartnershipErrorCode.DateInFuture,
      DomainErrorKind.Invalid,
      `establishedOn: ${day} is in the future; record a partnership once it is formed`,
    );
  }
}
