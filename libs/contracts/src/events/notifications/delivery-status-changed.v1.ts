import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export const DeliveryChannel = { Email: 'email', Webhook: 'webhook', Inbox: 'inbox' } as const;
export type DeliveryChannel = (typeof DeliveryChannel)[keyof typeof DeliveryChannel];

export const DeliveryStatus = {
  Queued: 'queued',
  Sent: 'sent',
  Retrying: 'retrying',
  Failed: 'failed',
  Dead: 'dead',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export class DeliveryStatusChangedV1 {
  @IsUUID() deliveryId: string;
  @IsString() @MaxLength(100) templateId: string;
  @IsIn(Object.values(DeliveryChannel)) channel: DeliveryChannel;
  /** Recipient id in the notifications directory (never an email address: no PII on this topic). */
  @IsString() @MaxLength(200) recipientId: string;
  @IsIn(Object.values(DeliveryStatus)) status: DeliveryStatus;
  @IsInt() @Min(0) attempts: number;
  @IsOptional() @IsString() @MaxLength(1000) lastError?: string;
  @IsDateString() changedAt: string;
  /** Id of the event that caused the notification. */
  @IsString() @MaxLength(200) causedByEventId: string;
}

/** Fires on every delivery state change. Emitted by notifications. */
export const DeliveryStatusChangedV1Event = defineEvent({
  type: 'notifications.delivery.status-changed.v1',
  topic: Topics.notifications.delivery,
  payload: DeliveryStatusChangedV1,
  subjectOf: (p) => p.deliveryId,
  description: 'A notification delivery changed state.',
});
