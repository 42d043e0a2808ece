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

/**
 * Appends events to the outbox inside the caller's transaction. Nothing reaches Kafka unless the
 * transaction commits; everything that commits reaches Kafka, even across broker outages.
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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `OutboxWriter.append(${definition.type}) needs a transaction: call it inside dataSource.transaction()`,
      );
    }
    const id = randomUUID();
    const meta: EventMetadata = {
      id,
      type: definition.type,
      source: this.source,
      time: new Date().toISOString(),
      subject: definition.subjectOf(payload),
      correlationId: cause.correlationId ?? id,
      causationId: cause.causationId,
      traceparent: cause.traceparent,
    };
    await manager.insert(OutboxMessageEntity, {
      eventId: id,
      topic: definition.topic,
      recordKey: meta.subject,
      lane: outboxLaneOf(meta.subject),
      headers: toRecordHeaders(meta),
      payload: JSON.stringify(payload),
    });
    // Delivered by PostgreSQL at commit, and not at all on rollback: wakes the relays at once.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
    return meta;
  }
}
