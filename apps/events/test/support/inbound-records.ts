import { randomUUID } from 'node:crypto';
import { toRecordHeaders, type EventDefinition, type EventMetadata } from '@bridges/contracts';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';

/** A record as another service's outbox relay (or an association system) would write it. */
export function recordOf<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  overrides: Partial<EventMetadata> & { key?: string } = {},
) {
  const { key, ...meta } = overrides;
  const subject = definition.subjectOf(payload);
  const envelope: EventMetadata = {
    id: randomUUID(),
    type: definition.type,
    source: '/test',
    time: new Date().toISOString(),
    subject,
    correlationId: randomUUID(),
    ...meta,
  };
  return {
    key: key ?? subject,
    value: JSON.stringify(payload),
    headers: toRecordHeaders(envelope),
    meta: envelope,
  };
}

/**
 * Sends raw records to one topic, all to `partition` when given: a consumer handles one partition in
 * order, so a last record there marks that every record before it was handled.
 */
export async function sendRecords(
  brokers: string[],
  topic: string,
  messages: { key: string | null; value: string | null; headers?: Record<string, string> }[],
  partition?: number,
): Promise<void> {
  const producer = await rawProducer(brokers);
  try {
    await producer.send({ topic, messages: messages.map((m) => ({ ...m, partition })) });
  } finally {
    await producer.close();
  }
}
