import { BadRequestException } from '@nestjs/common';
import { DomainError, DomainErrorKind, type ValidationErrorBody } from '@bridges/platform';

/** Stable codes of webhook subscription errors. */
export enum WebhookSubscriptionErrorCode {
  NotFound = 'WEBHOOK_SUBSCRIPTION_NOT_FOUND',
  TargetRefused = 'WEBHOOK_TARGET_REFUSED',
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

/** How to reach an intranet receiver in production, appended to every refusal of an address. */
const ALLOW_LIST_HINT =
  'production sends webhooks only to public addresses; list an intranet receiver in ' +
  'NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS (host names) or NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS (address ranges)';

/**
 * A 400 in the validation pipe's shape (`errors: [{ field: 'url', messages }]`), plus a stable code:
 * the URL is well-formed but the target policy refuses it.
 */
export function webhookTargetRefused(reason: string): BadRequestException {
  const message =
    reason === 'must use https'
      ? 'must use https: NODE_ENV=production sends webhooks over https only'
      : `${reason}: ${ALLOW_LIST_HINT}`;
  const body: ValidationErrorBody & { code: string } = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    code: WebhookSubscriptionErrorCode.TargetRefused,
    errors: [{ field: 'url', messages: [message] }],
  };
  return new BadRequestException(body);
}
