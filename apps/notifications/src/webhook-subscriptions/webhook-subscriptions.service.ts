import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@bridges/platform';
import { WebhookTargetGuard } from '../channels/webhook';
import { DeliveryEntity, DeliveryState } from '../deliveries/delivery.entity';
import { generateWebhookSecret, reenableSubscription } from '../webhooks';
import type { CreateWebhookSubscriptionDto } from './dto/create-webhook-subscription.dto';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { toWebhookSubscriptionView, type WebhookSubscriptionView } from './webhook-subscription.view';
import { webhookTargetRefused, WebhookSubscriptionNotFoundError } from './webhook-subscriptions.errors';

/** Admin use cases on webhook subscriptions. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: WebhookTargetGuard,
  ) {}

  /**
   * Creates an enabled subscription; the answer carries the signing secret, which is never shown again.
   * A target the address policy refuses is a 400 (deliveries check it again, after each resolution).
   */
  async create(
    user: AuthenticatedUser,
    dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionView & { secret: string }> {
    const verdict = await this.targets.check(new URL(dto.url));
    if (!verdict.allowed) throw webhookTargetRefused(verdict.reason);
    const row: WebhookSubscriptionEntity = {
      id: randomUUID(),
      associationId: dto.associationId,
      url: dto.url,
      secret: generateWebhookSecret(),
      eventTypes: [...new Set(dto.eventTypes)],
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
      createdBy: user.sub,
      createdAt: new Date(),
    };
    await this.dataSource.getRepository(WebhookSubscriptionEntity).insert(row);
    return { ...toWebhookSubscriptionView(row), secret: row.secret };
  }

  async list(associationId?: string): Promise<WebhookSubscriptionView[]> {
    const rows = await this.dataSource.getRepository(WebhookSubscriptionEntity).find({
      where: associationId ? { associationId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toWebhookSubscriptionView);
  }

  async get(id: string): Promise<WebhookSubscriptionView> {
    return toWebhookSubscriptionView(await this.find(id));
  }

  /**
   * Re-enables a subscription with a clean failure count, and wakes the deliveries that waited while it
   * was disabled, so nothing is lost to an outage of the association's system.
   */
  async enable(id: string): Promise<WebhookSubscriptionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(WebhookSubscriptionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new WebhookSubscriptionNotFoundError(id);
      Object.assign(row, reenableSubscription(row));
      await manager.update(
        WebhookSubscriptionEntity,
        { id },
        {
          consecutiveFailures: row.consecutiveFailures,
          disabledAt: row.disabledAt,
          disabledReason: row.disabledReason,
        },
      );
      await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({ nextAttemptAt: () => 'now()', updatedAt: () => 'now()' })
        .where('recipient_id = :id AND channel = :channel AND status IN (:...waiting)', {
          id,
          channel: 'webhook',
          waiting: [DeliveryState.Queued, DeliveryState.Retrying],
        })
        .execute();
      return toWebhookSubscriptionView(row);
    });
  }

  /** Stops sending to a subscription; its deliveries wait until it is enabled again. */
  async disable(id: string, user: AuthenticatedUser): Promise<WebhookSubscriptionView> {
    const row = await this.find(id);
    if (row.disabledAt) return toWebhookSubscriptionView(row);
    row.disabledAt = new Date();
    row.disabledReason = `disabled by ${user.sub}`;
    await this.dataSource.getRepository(WebhookSubscriptionEntity).update(
      { id },
      {
        disabledAt: row.disabledAt,
        disabledReason: row.disabledReason,
      },
    );
    return toWebhookSubscriptionView(row);
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.dataSource.getRepository(WebhookSubscriptionEntity).delete({ id });
  }

  private async find(id: string): Promise<WebhookSubscriptionEntity> {
    const row = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id });
    if (!row) throw new WebhookSubscriptionNotFoundError(id);
    return row;
  }
}
