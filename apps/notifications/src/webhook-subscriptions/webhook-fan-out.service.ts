import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/**
 * Queues one webhook per subscription of the given associations that asked for this event type.
 * Disabled subscriptions get their deliveries too: they wait, and go out once an admin re-enables it.
 */
@Injectable()
export class WebhookFanOut {
  constructor(private readonly deliveries: DeliveryQueue) {}

  async forward(
    manager: EntityManager,
    source: SourceEvent,
    associationIds: ReadonlyArray<string | null>,
    data: object,
  ): Promise<number> {
    const ids = [...new Set(associationIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return 0;
    const subscriptions = await manager.find(WebhookSubscriptionEntity, {
      where: { associationId: In(ids) },
      order: { id: 'ASC' },
    });
    let queued = 0;
    for (const subscription of subscriptions) {
      if (!subscription.eventTypes.includes(source.type)) continue;
      const body = JSON.stringify({
        id: source.id,
        type: source.type,
        time: source.time,
        subject: source.subject,
        associationId: subscription.associationId,
        data,
      });
      if ((await this.deliveries.enqueueWebhook(manager, source, subscription, body)) === 'queued') queued++;
    }
    return queued;
  }
}
