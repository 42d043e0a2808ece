import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toRecordHeaders, type EventDefinition, type EventMetadata } from '@bridges/contracts';
import {
  MESSAGING_OPTIONS,
  OUTBOX_NOTIFY_CHANNEL,
  OutboxMessageEntity,
  outboxLaneOf,
  type EventCause,
  type MessagingOptions,
} from '@bridges/messaging';

/** An event waiting to be appended. */
export interface PendingEvent {
  readonly definition: EventDefinition;
  readonly payload: object;
}

/** Rows per multi-row INSERT into the outbox. */
const CHUNK = 1000;

/**
 * Appends many events to the outbox with multi-row inserts and one NOTIFY, in the caller's
 * transaction: the bulk import's counterpart of `OutboxWriter.append`, which costs two round trips
 * per event. Rows and envelopes are built exactly as `OutboxWriter.append` builds them.
 * TODO(messaging): move into libs/messaging as `OutboxWriter.appendMany` so there is one builder.
 */
@Injectable()
export class OutboxBatchWriter {
  private readonly source: string;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.source = `/bridges/${options.serviceName}`;
  }

  async appendMany(
    manager: EntityManager,
    events: readonly PendingEvent[],
    cause: EventCause = {},
  ): Promise<void> {
    if (events.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('OutboxBatchWriter.appendMany needs a transaction');
    const time = new Date().toISOString();
    const rows = events.map(({ definition, payload }) => {
      const id = randomUUID();
      const meta: EventMetadata = {
        id,
        type: definition.type,
        source: this.source,
        time,
        subject: definition.subjectOf(payload),
        correlationId: cause.correlationId ?? id,
        causationId: cause.causationId,
        traceparent: cause.traceparent,
      };
      return {
        eventId: id,
        topic: definition.topic,
        recordKey: meta.subject,
        lane: outboxLaneOf(meta.subject),
        headers: toRecordHeaders(meta),
        payload: JSON.stringify(payload),
      };
    });
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessageEntity)
        .values(rows.slice(i, i + CHUNK))
        .updateEntity(false)
        .execute();
    }
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
  }
}
