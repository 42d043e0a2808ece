import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel } from '@bridges/contracts';
import type { EmailAttachment } from '../channels/email/email-sender';

/**
 * States of a delivery. `sending` is internal (a dispatcher holds a lease on it) and is not published;
 * the others are `DeliveryStatus` values of `notifications.delivery.v1`. `failed`: refused for good
 * (a 5xx from SMTP, a 4xx from a webhook receiver, the recipient erased or opted out); `dead`: every
 * attempt failed.
 */
export const DeliveryState = {
  Queued: 'queued',
  Sending: 'sending',
  Sent: 'sent',
  Retrying: 'retrying',
  Failed: 'failed',
  Dead: 'dead',
} as const;
export type DeliveryState = (typeof DeliveryState)[keyof typeof DeliveryState];

/**
 * One notification to one recipient over one channel, from one source event (or digest). The unique key
 * makes a redelivered or replayed event a no-op; the dispatcher sends each row at most once per lease.
 */
@Entity({ name: 'delivery' })
@Index('ux_delivery_source_recipient', ['sourceEventId', 'recipientId', 'channel', 'templateId'], {
  unique: true,
})
@Index('ix_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_delivery_recipient', ['recipientId', 'createdAt'])
export class DeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  /** Event id (`ce_id`) that caused it, or `digest:<digestId>` for a proposal digest. */
  @Column({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  /** `ce_type` of the source event, or `notifications.digest` for digests. */
  @Column({ name: 'source_event_type', type: 'text' }) sourceEventType: string;
  /** Correlation id of the source event, carried onto `notifications.delivery.v1`. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  /** Directory recipient id; for webhooks the subscription id. */
  @Column({ name: 'recipient_id', type: 'text' }) recipientId: string;
  @Column({ type: 'text' }) channel: DeliveryChannel;
  @Column({ name: 'template_id', type: 'text' }) templateId: string;
  @Column({ name: 'template_version', type: 'integer', nullable: true }) templateVersion: number | null;
  @Column({ type: 'text', nullable: true }) locale: string | null;
  @Column({ type: 'text' }) status: DeliveryState;
  /** Attempts started so far (a claim counts one). */
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  /** While `sending`: until when the claiming dispatcher owns it. */
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true }) leaseExpiresAt: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  /** Email address or webhook URL; nulled when the recipient is erased. */
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) subject: string | null;
  /** Email: plain-text part; webhook: the exact JSON body that is signed and POSTed. */
  @Column({ type: 'text', nullable: true }) body: string | null;
  @Column({ type: 'text', nullable: true }) html: string | null;
  /** Files sent with an email (e.g. an event's `.ics`), content inline; nulled when the recipient is erased. */
  @Column({ type: 'jsonb', nullable: true }) attachments: EmailAttachment[] | null;
  @Column({ name: 'unsubscribe_url', type: 'text', nullable: true }) unsubscribeUrl: string | null;
  /** Message-ID the SMTP server accepted, or the receiver's HTTP status line for webhooks. */
  @Column({ name: 'provider_reference', type: 'text', nullable: true }) providerReference: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
