import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of errors every events feature may answer. */
export enum EventsErrorCode {
  Contended = 'EVENTS_CONTENDED',
}

/**
 * PostgreSQL kept aborting the transaction for a conflict with concurrent ones (serialization failure or
 * deadlock) after every retry: a 409 the client may simply repeat, never a 500.
 */
export class ContendedError extends DomainError {
  constructor(cause: unknown) {
    super(
      EventsErrorCode.Contended,
      DomainErrorKind.Conflict,
      'Too many simultaneous changes to the same event; nothing was changed, please try again',
      { cause },
    );
  }
}
