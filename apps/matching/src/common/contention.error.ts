import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of errors every matching feature may answer. */
export enum MatchingErrorCode {
  Contended = 'MATCHING_CONTENDED',
}

/**
 * PostgreSQL kept aborting the transaction for a conflict with concurrent ones (serialization failure or
 * deadlock) after every retry: a 409 the client may simply repeat, never a 500.
 */
export class ContendedError extends DomainError {
  constructor(cause: unknown) {
    super(
      MatchingErrorCode.Contended,
      DomainErrorKind.Conflict,
      'Too many simultaneous changes to the same municipalities; nothing was changed, please try again',
      { cause },
    );
  }
}
