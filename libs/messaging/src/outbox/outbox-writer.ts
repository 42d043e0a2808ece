import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toRecordHeaders, type EventDefinition, type EventMetadata } from '@bridges/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { OUTBOX_NOTIFY_CHANNEL, outboxLaneOf } from './outbox-lanes';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Where an event comes from: the request or event that caused it. */
export interface EventCause {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly traceparent?: string;
}

/** An event to append with {@link OutboxWriter.appendMany}. */
export interface PendingEvent {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each item pairs a definition with its own payload
  readonly definition: EventDefinition<any>;
  readonly payload: object;
}

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters (6 per row). */
const INSERT_CHUNK = 1000;

/**
 * Appends events to the outbox inside the caller's transaction. Nothing reaches Kafka unless the
 * transaction commits; everything that commits reaches Kafka, even across broker outages.
 * Write the aggregate's row before appending its event: two transactions on one aggregate then
 * serialise on that row before taking outbox ids, which keeps per-key order.
 */
@Injectable()
export class OutboxWriter {
  private readonly source: string;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.source = `/bridges/${options.serviceName}`;
  }

  async append<P extends object>(
    manager: EntityManager,
    definition: EventDefinition<P>,
    payload: P,
    cause: EventCause = {},
  ): Promise<EventMetadata> {
    const [meta] = await this.appendMany(manager, [{ definition, payload }], cause);
    return meta;
  }

  /**
   * Appends many events with multi-row inserts and one NOTIFY (bulk imports, rounds): the same rows
   * as {@link append}, in the given order, for a fraction of the round trips.
   */
  async appendMany(
    manager: EntityManager,
    events: readonly PendingEvent[],
    cause: EventCause = {},
  ): Promise<EventMetadata[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      const types = [...new Set(events.map((e) => e.definition.type))].join(', ');
      throw new Error(
        `OutboxWriter.append(${types}) needs a transaction: call it inside dataSource.transaction()`,
      );
    }
    if (events.length === 0) return [];
    const time = new Date().toISOString();
    const metas: EventMetadata[] = [];
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
      metas.push(meta);
      return {
        eventId: id,
        topic: definition.topic,
        recordKey: meta.subject,
        lane: outboxLaneOf(meta.subject),
        headers: toRecordHeaders(meta),
        payload: JSON.stringify(payload),
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessageEntity)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
    // Delivered by PostgreSQL at commit, and not at all on rollback: wakes the relays at once.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
    return metas;
  }
}
