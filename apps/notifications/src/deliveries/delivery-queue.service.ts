import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, Not, type EntityManager } from 'typeorm';
import { DeliveryChannel, DeliveryStatusChangedV1Event } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { EmailAttachment } from '../channels/email/email-sender';
import { NotificationsEnv } from '../config/notifications.env';
import { RecipientEntity } from '../directory/recipient.entity';
import { buildUnsubscribeUrl, createUnsubscribeToken, type NotificationChannel } from '../preferences';
import { RecipientPreferenceEntity } from '../recipient-preferences/recipient-preference.entity';
import { TemplateRegistry, type BaseTemplateData } from '../templates';
import { DeliveryErrorCode } from './deliveries.errors';
import { DeliveryEntity, DeliveryState } from './delivery.entity';
import { toDeliveryStatusChanged } from './delivery-status.mapper';
import type { SourceEvent } from './source-event';

/** Why an enqueue wrote nothing. */
export type EnqueueOutcome = 'queued' | 'duplicate' | 'opted-out' | 'unreachable';

/**
 * Turns "notify this recipient" into delivery rows, inside the caller's transaction (the Kafka handler's
 * or the digest planner's). A row is unique per (source event, recipient, channel, template): a second
 * enqueue of the same notification, from a redelivery or a replay of the topic, writes nothing.
 * Every state change of a row appends `DeliveryStatusChangedV1` to the outbox in the same transaction.
 */
@Injectable()
export class DeliveryQueue {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly templates: TemplateRegistry,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Renders `templateId` for `recipient` in `locale` (with the recipient's own unsubscribe link) and
   * queues it as an email, unless the recipient has no address, is inactive or opted out.
   */
  async enqueueEmail<TData extends BaseTemplateData>(
    manager: EntityManager,
    source: SourceEvent,
    recipient: RecipientEntity,
    templateId: string,
    data: Omit<TData, 'unsubscribeUrl'>,
    locale: string,
    attachments: readonly EmailAttachment[] = [],
  ): Promise<EnqueueOutcome> {
    if (!recipient.active || !recipient.email) return 'unreachable';
    if (await this.optedOut(manager, recipient.id, 'email', templateId)) return 'opted-out';
    const token = createUnsubscribeToken(
      { recipientId: recipient.id, channel: 'email', templateId },
      this.env.UNSUBSCRIBE_SECRET!,
    );
    const unsubscribeUrl = buildUnsubscribeUrl(this.env.PUBLIC_BASE_URL!, token);
    const rendered = this.templates.render(templateId, { ...data, unsubscribeUrl } as TData, locale);
    return this.insert(manager, source, {
      recipientId: recipient.id,
      channel: DeliveryChannel.Email,
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      locale: rendered.locale,
      address: recipient.email,
      subject: rendered.subject,
      body: rendered.text,
      html: rendered.html,
      unsubscribeUrl,
      attachments: attachments.length > 0 ? [...attachments] : null,
    });
  }

  /** Queues the exact JSON body for one webhook subscription; it is signed when sent. */
  async enqueueWebhook(
    manager: EntityManager,
    source: SourceEvent,
    subscription: { id: string; url: string },
    body: string,
  ): Promise<EnqueueOutcome> {
    return this.insert(manager, source, {
      recipientId: subscription.id,
      channel: DeliveryChannel.Webhook,
      templateId: source.type,
      templateVersion: null,
      locale: null,
      address: subscription.url,
      subject: null,
      body,
      html: null,
      unsubscribeUrl: null,
      attachments: null,
    });
  }

  /**
   * Erasure of a person (GDPR art. 17): deletes the address, content and last error of every delivery to
   * them, and fails the ones not sent yet, so nothing more goes out to the erased address.
   */
  async purgeRecipient(manager: EntityManager, recipientId: string): Promise<number> {
    const open = await manager.find(DeliveryEntity, {
      where: {
        recipientId,
        status: In([DeliveryState.Queued, DeliveryState.Retrying, DeliveryState.Sending]),
      },
      lock: { mode: 'pessimistic_write' },
    });
    await manager.update(
      DeliveryEntity,
      { recipientId, channel: Not(DeliveryChannel.Webhook) },
      {
        address: null,
        subject: null,
        body: null,
        html: null,
        unsubscribeUrl: null,
        attachments: null,
        lastError: null,
        updatedAt: () => 'now()',
      },
    );
    for (const row of open) {
      Object.assign(row, {
        status: DeliveryState.Failed,
        lastError: DeliveryErrorCode.RecipientErased,
        leaseExpiresAt: null,
      });
      await manager.update(
        DeliveryEntity,
        { id: row.id },
        { status: row.status, lastError: row.lastError, leaseExpiresAt: null, updatedAt: () => 'now()' },
      );
      await this.publishStatus(manager, row);
    }
    return open.length;
  }

  /** Appends the row's current state to `notifications.delivery.v1` (call inside the state change's transaction). */
  async publishStatus(manager: EntityManager, row: DeliveryEntity): Promise<void> {
    await this.outbox.append(manager, DeliveryStatusChangedV1Event, toDeliveryStatusChanged(row), {
      correlationId: row.correlationId ?? undefined,
      causationId: row.sourceEventId,
    });
  }

  /** True when the recipient switched off this channel, or this template on it (checked again by a retry). */
  async optedOut(
    manager: EntityManager,
    recipientId: string,
    channel: NotificationChannel,
    templateId: string,
  ): Promise<boolean> {
    const preference = await manager.findOneBy(RecipientPreferenceEntity, { recipientId });
    if (!preference) return false;
    return (
      preference.disabledChannels.includes(channel) ||
      preference.disabledTemplates.includes(`${channel}:${templateId}`)
    );
  }

  private async insert(
    manager: EntityManager,
    source: SourceEvent,
    fields: Pick<
      DeliveryEntity,
      | 'recipientId'
      | 'channel'
      | 'templateId'
      | 'templateVersion'
      | 'locale'
      | 'address'
      | 'subject'
      | 'body'
      | 'html'
      | 'unsubscribeUrl'
      | 'attachments'
    >,
  ): Promise<EnqueueOutcome> {
    const now = new Date();
    const row: DeliveryEntity = {
      ...fields,
      id: randomUUID(),
      sourceEventId: source.id,
      sourceEventType: source.type,
      correlationId: source.correlationId,
      status: DeliveryState.Queued,
      attempts: 0,
      nextAttemptAt: now,
      leaseExpiresAt: null,
      lastError: null,
      providerReference: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length === 0) return 'duplicate';
    await this.publishStatus(manager, row);
    return 'queued';
  }
}
