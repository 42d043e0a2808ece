import type { EntityManager } from 'typeorm';

/**
 * Records that an event was processed. Returns false when it had been already: the caller must
 * then skip the effect. Must run in the transaction that applies the effect.
 */
export async function recordProcessedEvent(
  manager: EntityManager,
  consumerGroup: string,
  eventId: string,
  eventType: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO inbox_processed_event (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, eventId, eventType],
  );
  return rows.length === 1;
}
