import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of preference errors. */
export enum RecipientPreferencesErrorCode {
  Forbidden = 'PREFERENCES_FORBIDDEN',
  InvalidUnsubscribeLink = 'PREFERENCES_INVALID_UNSUBSCRIBE_LINK',
}

export class PreferencesForbiddenError extends DomainError {
  constructor(recipientId: string) {
    super(
      RecipientPreferencesErrorCode.Forbidden,
      DomainErrorKind.Forbidden,
      `Not allowed to change the preferences of ${recipientId}`,
    );
  }
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
