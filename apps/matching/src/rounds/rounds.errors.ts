import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of round errors. */
export enum RoundErrorCode {
  NotFound = 'ROUND_NOT_FOUND',
  RoundIdTaken = 'ROUND_ID_TAKEN',
}

export class RoundNotFoundError extends DomainError {
  constructor(id: string) {
    super(RoundErrorCode.NotFound, DomainErrorKind.NotFound, `Round ${id} does not exist`);
  }
}

export class RoundIdTakenError extends DomainError {
  constructor(id: string) {
    super(
      RoundErrorCode.RoundIdTaken,
      DomainErrorKind.Conflict,
      `Round ${id} exists already for another campaign`,
    );
  }
}

/** Thrown inside a running round when another instance took it over (this one's lease had expired). */
export class RoundClaimLostError extends Error {
  override readonly name = 'RoundClaimLostError';
}
