import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of preference errors. */
export enum RecipientPreferencesErrorCode {
  InvalidUnsubscribeLink = 'PREFERENCES_INVALID_UNSUBSCRIBE_LINK',
}

/** One message for every kind of bad link: which check failed is not revealed. */
export class InvalidUnsubscribeLinkError extends DomainError {
  constructor() {
    super(
      RecipientPreferencesErrorCode.InvalidUnsubscribeLink,
      DomainErrorKind.Invalid,
      'This unsubscribe link is not valid. Please use the link from a recent email.',
    );
  }
}
