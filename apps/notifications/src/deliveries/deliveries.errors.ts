import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of delivery errors, in HTTP answers and in `delivery.last_error`. */
export enum DeliveryErrorCode {
  NotFound = 'DELIVERY_NOT_FOUND',
  /** Retry asked for a delivery that is not failed or dead (it is queued, being sent, retrying or sent). */
  NotRetryable = 'DELIVERY_NOT_RETRYABLE',
  /** Retry asked for a delivery whose recipient has since switched off its channel or template. */
  RecipientOptedOut = 'DELIVERY_RECIPIENT_OPTED_OUT',
  /** The recipient was erased (GDPR) before the delivery went out. */
  RecipientErased = 'DELIVERY_RECIPIENT_ERASED',
  /** The recipient left the directory or its municipality was deactivated. */
  RecipientInactive = 'DELIVERY_RECIPIENT_INACTIVE',
  /** The webhook subscription was deleted. */
  SubscriptionGone = 'DELIVERY_SUBSCRIPTION_GONE',
  /** A proposal digest whose every proposal was decided, withdrawn or became a partnership before it was sent. */
  DigestNothingOpen = 'DIGEST_NOTHING_OPEN',
}

export class DeliveryNotFoundError extends DomainError {
  constructor(id: string) {
    super(DeliveryErrorCode.NotFound, DomainErrorKind.NotFound, `Delivery ${id} does not exist`);
  }
}

export class DeliveryNotRetryableError extends DomainError {
  constructor(id: string, status: string) {
    super(
      DeliveryErrorCode.NotRetryable,
      DomainErrorKind.Conflict,
      `Delivery ${id} is ${status}: only a failed or dead delivery can be retried`,
    );
  }
}

/** A digest failed because every proposal in it was decided: sending it again would list decided proposals. */
export class DigestNothingOpenNotRetryableError extends DomainError {
  constructor(id: string) {
    super(
      DeliveryErrorCode.DigestNothingOpen,
      DomainErrorKind.Conflict,
      `Delivery ${id} is a digest whose proposals were all decided before it was sent: there is nothing to send again`,
    );
  }
}

export class DeliveryRecipientOptedOutError extends DomainError {
  constructor(id: string) {
    super(
      DeliveryErrorCode.RecipientOptedOut,
      DomainErrorKind.Conflict,
      `Delivery ${id} is not sent again: its recipient has since switched off this channel or email`,
    );
  }
}
