import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type { components, paths } from '../generated/api';

/** The notifications API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

export type DeliveryQuery = NonNullable<paths['/deliveries']['get']['parameters']['query']>;
export type DeliveryStatus = NonNullable<DeliveryQuery['status']>;
export type DeliveryChannel = NonNullable<DeliveryQuery['channel']>;
export type RecipientQuery = NonNullable<paths['/recipients']['get']['parameters']['query']>;
export type RecipientKind = NonNullable<RecipientQuery['kind']>;
export type PreferencesUpdate = components['schemas']['UpdatePreferencesDto'];
export type TemplateSummary = components['schemas']['TemplateSummaryDto'];
export type TemplatePreview = components['schemas']['TemplatePreviewDto'];

/*
 * Notifications' OpenAPI document does not describe its responses yet (no response DTOs), so the
 * generator gives `unknown` for them. These are the fields the console reads, from the service's
 * DeliveryView, WebhookSubscriptionView, InboxItemEntity, RecipientEntity and PreferencesView; they go
 * once it documents them (template previews are documented, so theirs are generated).
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
export interface Recipient {
  id: string;
  kind: RecipientKind;
  municipalityId: string | null;
  associationId: string | null;
  name: string | null;
  email: string | null;
  preferredLanguage: string | null;
  roles: string[];
  active: boolean;
}
export interface Preferences {
  recipientId: string;
  disabledChannels: string[];
  disabledTemplates: string[];
  digestFrequency: NonNullable<PreferencesUpdate['digestFrequency']>;
}
