import type { DeliveryStatusChangedV1 } from '@bridges/contracts';
import { DeliveryState, type DeliveryEntity } from './delivery.entity';

/** Longest `lastError` carried on the topic (the contract allows 1000). */
const MAX_ERROR_LENGTH = 1000;

/** The `notifications.delivery.v1` payload for a delivery's current state: ids and state, no address or content. */
export function toDeliveryStatusChanged(
  row: DeliveryEntity,
  changedAt: Date = new Date(),
): DeliveryStatusChangedV1 {
  if (row.status === DeliveryState.Sending) throw new Error('sending is internal and is not published');
  return {
    deliveryId: row.id,
    templateId: row.templateId,
    channel: row.channel,
    recipientId: row.recipientId,
    status: row.status,
    attempts: row.attempts,
    ...(row.lastError ? { lastError: row.lastError.slice(0, MAX_ERROR_LENGTH) } : {}),
    changedAt: changedAt.toISOString(),
    causedByEventId: row.sourceEventId,
  };
}
