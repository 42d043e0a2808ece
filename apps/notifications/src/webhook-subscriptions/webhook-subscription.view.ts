import type { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** A subscription as the API shows it: never the secret, except once at creation. */
export interface WebhookSubscriptionView {
  id: string;
  associationId: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

export function toWebhookSubscriptionView(row: WebhookSubscriptionEntity): WebhookSubscriptionView {
  return {
    id: row.id,
    associationId: row.associationId,
    url: row.url,
    eventTypes: row.eventTypes,
    enabled: row.disabledAt === null,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
  };
}
