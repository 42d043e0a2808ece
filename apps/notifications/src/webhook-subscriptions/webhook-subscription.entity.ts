import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An association system's endpoint for signed webhooks. The secret is kept (it signs every POST) and
 * shown to the admin only once, at creation.
 */
@Entity({ name: 'webhook_subscription' })
@Index('ix_webhook_subscription_association', ['associationId'])
export class WebhookSubscriptionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text' }) secret: string;
  /** CloudEvents types to forward, e.g. `matching.partnership.established.v1`. */
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: string[];
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 }) consecutiveFailures: number;
  /** Set when repeated failures (or an admin) disabled it; null while enabled. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
