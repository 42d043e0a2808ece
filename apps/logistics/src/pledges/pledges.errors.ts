import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum PledgeErrorCode {
  NotFound = 'PLEDGE_NOT_FOUND',
  ExceedsUnpledged = 'PLEDGE_EXCEEDS_UNPLEDGED',
  NotActive = 'PLEDGE_NOT_ACTIVE',
  UnknownLine = 'PLEDGE_UNKNOWN_LINE',
  BrokeredByCoordinatorsOnly = 'PLEDGE_BROKERED_BY_COORDINATORS_ONLY',
  NotAnEuMunicipality = 'PLEDGE_NOT_AN_EU_MUNICIPALITY',
}

export class PledgeNotFoundError extends DomainError {
  constructor(id: string) {
    super(PledgeErrorCode.NotFound, DomainErrorKind.NotFound, `Pledge ${id} does not exist`);
  }
}

/** More than is still unpledged on a line: nothing of the pledge was written. */
export class PledgeExceedsUnpledgedError extends DomainError {
  constructor(
    readonly lineId: string,
    readonly requested: number,
    readonly unpledged: number,
  ) {
    super(
      PledgeErrorCode.ExceedsUnpledged,
      DomainErrorKind.Conflict,
      `Line ${lineId} has ${unpledged} unpledged; ${requested} cannot be pledged`,
    );
  }
}

export class PledgeNotActiveError extends DomainError {
  constructor(id: string, status: string) {
    super(PledgeErrorCode.NotActive, DomainErrorKind.Conflict, `Pledge ${id} is ${status}, not active`);
  }
}

export class UnknownRequestLineError extends DomainError {
  constructor(lineId: string) {
    super(
      PledgeErrorCode.UnknownLine,
      DomainErrorKind.Invalid,
      `The request has no line ${lineId} (or it is named twice)`,
    );
  }
}

export class BrokeredByCoordinatorsOnlyError extends DomainError {
  constructor() {
    super(
      PledgeErrorCode.BrokeredByCoordinatorsOnly,
      DomainErrorKind.Forbidden,
      'Only a logistics coordinator records aid brokered by an association (brokeredBy)',
    );
  }
}

export class NotAnEuMunicipalityError extends DomainError {
  constructor(id: string) {
    super(
      PledgeErrorCode.NotAnEuMunicipality,
      DomainErrorKind.Invalid,
      `Municipality ${id} is not an EU municipality`,
    );
  }
}
