import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of webhook subscription errors. */
export enum WebhookSubscriptionErrorCode {
  NotFound = 'WEBHOOK_SUBSCRIPTION_NOT_FOUND',
}

export class WebhookSubscriptionNotFoundError extends DomainError {
  constructor(id: string) {
    super(
      WebhookSubscriptionErrorCode.NotFound,
      DomainErrorKind.NotFound,
      `Webhook subscription ${id} does not exist`,
    );
  }
}
