import { DomainError, DomainErrorKind, StaleVersionError } from '@bridges/platform';

/** Stable codes of errors every logistics feature may answer. */
export enum LogisticsErrorCode {
  Contended = 'LOGISTICS_CONTENDED',
  VersionMismatch = 'LOGISTICS_VERSION_MISMATCH',
  PartnershipNotActive = 'LOGISTICS_PARTNERSHIP_NOT_ACTIVE',
  MunicipalityUnknown = 'LOGISTICS_MUNICIPALITY_UNKNOWN',
}

/** PostgreSQL kept aborting for conflicts with concurrent transactions after every retry: 409, try again. */
export class ContendedError extends DomainError {
  constructor(cause: unknown) {
    super(
      LogisticsErrorCode.Contended,
      DomainErrorKind.Conflict,
      'Too many simultaneous changes to the same request or shipment; nothing was changed, please try again',
      { cause },
    );
  }
}

/** `If-Match` names another version than the stored one: someone changed it since it was read (412). */
export class VersionMismatchError extends StaleVersionError {
  constructor(expected: number, actual: number) {
    super(LogisticsErrorCode.VersionMismatch, expected, actual);
  }
}

/** The EU municipality has no partnership with the hromada in which aid may flow (established or active). */
export class PartnershipNotActiveError extends DomainError {
  constructor(hromadaId: string, euMunicipalityId: string) {
    super(
      LogisticsErrorCode.PartnershipNotActive,
      DomainErrorKind.Conflict,
      `EU municipality ${euMunicipalityId} has no established or active partnership with hromada ${hromadaId}; ` +
        'a coordinator may record association-brokered aid instead (brokeredBy)',
    );
  }
}

/** A command names a municipality the registry has not told logistics about. */
export class MunicipalityUnknownError extends DomainError {
  constructor(id: string) {
    super(
      LogisticsErrorCode.MunicipalityUnknown,
      DomainErrorKind.NotFound,
      `Municipality ${id} does not exist`,
    );
  }
}
