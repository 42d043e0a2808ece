import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryChannel } from '@bridges/contracts';
import {
  DeliveryErrorCode,
  DeliveryNotFoundError,
  DeliveryNotRetryableError,
  DeliveryRecipientOptedOutError,
  DigestNothingOpenNotRetryableError,
} from './deliveries.errors';
import { DeliveryEntity, DeliveryState } from './delivery.entity';
import { DeliveryQueue } from './delivery-queue.service';
import { toDeliveryView, type DeliveryView } from './delivery.view';

/** States from which nothing will try again by itself. */
const GIVEN_UP: readonly DeliveryState[] = [DeliveryState.Failed, DeliveryState.Dead];

/**
 * An admin's "try again" for a delivery that was given up on: back to `queued`, due now, so the
 * ordinary dispatcher sends it (same row, same Message-ID, the usual checks of the recipient).
 */
@Injectable()
export class DeliveryRetryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
  ) {}

  /**
   * The state change is one conditional UPDATE, so two admins retrying at once requeue it once
   * (the second gets 409) and a delivery that is queued, being sent or sent is never sent again.
   * `queued` is published on notifications.delivery.v1 in the same transaction. A recipient who has
   * since opted out of the email is not sent it by a retry (409, and the delivery stays as it was).
   */
  async retry(id: string): Promise<DeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({ status: DeliveryState.Queued, nextAttemptAt: () => 'now()', updatedAt: () => 'now()' })
        // A digest failed for having nothing open left would list decided proposals again (issue 14).
        .where('id = :id AND status IN (:...givenUp) AND last_error IS DISTINCT FROM :nothingOpen', {
          id,
          givenUp: GIVEN_UP,
          nothingOpen: DeliveryErrorCode.DigestNothingOpen,
        })
        .execute();
      const row = await manager.findOneBy(DeliveryEntity, { id });
      if (!row) throw new DeliveryNotFoundError(id);
      if (result.affected === 0 && row.lastError === DeliveryErrorCode.DigestNothingOpen)
        throw new DigestNothingOpenNotRetryableError(id);
      if (result.affected === 0) throw new DeliveryNotRetryableError(id, row.status);
      if (
        row.channel === DeliveryChannel.Email &&
        (await this.queue.optedOut(manager, row.recipientId, 'email', row.templateId))
      ) {
        // Thrown inside the transaction: the requeue above is rolled back.
        throw new DeliveryRecipientOptedOutError(id);
      }
      await this.queue.publishStatus(manager, row);
      return toDeliveryView(row);
    });
  }
}
