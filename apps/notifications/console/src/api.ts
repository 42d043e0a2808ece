import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type { paths } from '../generated/api';

/** The notifications API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

export type DeliveryQuery = NonNullable<paths['/deliveries']['get']['parameters']['query']>;
export type DeliveryStatus = NonNullable<DeliveryQuery['status']>;
export type DeliveryChannel = NonNullable<DeliveryQuery['channel']>;

/*
 * Notifications' OpenAPI document does not describe its responses yet (no response DTOs), so the
 * generator gives `unknown` for them. These are the fields the console reads, from the service's
 * DeliveryView, WebhookSubscriptionView and InboxItemEntity; they go once it documents them.
 */
export interface Delivery {
  id: string;
  sourceEventType: string;
  recipientId: string;
  channel: DeliveryChannel;
  templateId: string;
  locale: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}
export interface WebhookSubscription {
  id: string;
  associationId: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
}
export interface InboxItem {
  id: string;
  title: string;
  summary: string;
  readAt: string | null;
  createdAt: string;
}
export interface Page<T> {
  items: T[];
  total: number;
}
