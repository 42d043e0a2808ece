import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventMetadata } from '@bridges/contracts';
import type { IncomingRecord } from '../consumer/incoming-record';
import { ParkedEventEntity } from './parked-event.entity';
import type { ParkingAggregate } from './parking-locks';

/** How parked events of one consumer group stand, for metrics and the overdue warning. */
export interface ParkingStats {
  readonly parked: number;
  readonly oldestAgeSeconds: number;
  readonly oldest: Pick<ParkedEventEntity, 'eventId' | 'eventType' | 'dependencyKey' | 'topic'> | null;
}

/** SQL of the `parked_event` table; methods taking a manager run in the caller's transaction. */
@Injectable()
export class ParkedEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether events of this aggregate are parked (the caller then parks behind them, keeping order). */
  async holdsAny(manager: EntityManager, aggregate: ParkingAggregate): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM parked_event WHERE consumer_group = $1 AND topic = $2 AND aggregate_key = $3 LIMIT 1`,
      [aggregate.consumerGroup, aggregate.topic, aggregate.aggregateKey],
    );
    return rows.length > 0;
  }

  /** Parks a record; a record parked already (same event id, e.g. redelivered) stays parked once. */
  async park(
    manager: EntityManager,
    aggregate: ParkingAggregate,
    record: IncomingRecord,
    envelope: EventMetadata,
    dependencyKey: string | null,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ParkedEventEntity)
      .values({
        consumerGroup: aggregate.consumerGroup,
        topic: aggregate.topic,
        aggregateKey: aggregate.aggregateKey,
        dependencyKey,
        eventId: envelope.id,
        eventType: envelope.type,
        recordPartition: record.partition,
        recordOffset: record.offset,
        recordKey: record.key,
        recordHeaders: definedHeaders(record.headers),
        recordValue: record.value,
      })
      .orIgnore()
      .execute();
  }

  /** The first parked event of an aggregate, row-locked. Call under {@link lockAggregate}. */
  head(manager: EntityManager, aggregate: ParkingAggregate): Promise<ParkedEventEntity | null> {
    return manager.findOne(ParkedEventEntity, {
      where: {
        consumerGroup: aggregate.consumerGroup,
        topic: aggregate.topic,
        aggregateKey: aggregate.aggregateKey,
      },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(ParkedEventEntity, { id });
  }

  /** The head was tried and still misses `dependencyKey` (maybe another one than before). */
  async keepWaiting(manager: EntityManager, id: string, dependencyKey: string): Promise<void> {
    await manager.update(ParkedEventEntity, { id }, { dependencyKey, retriedAt: () => 'now()' });
  }

  /** Counts a transient failure of a resume (outside the rolled-back transaction); returns the count. */
  async recordFailure(id: string, reason: string): Promise<number> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], a SELECT with the rows.
    const rows: { attempts: number }[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE parked_event SET attempts = attempts + 1, last_error = $2, retried_at = now()
          WHERE id = $1 RETURNING attempts
       ) SELECT attempts FROM failed`,
      [id, reason.slice(0, 4000)],
    );
    return rows[0]?.attempts ?? 0;
  }

  async removeById(id: string): Promise<void> {
    await this.dataSource.getRepository(ParkedEventEntity).delete({ id });
  }

  /** Aggregates with an event waiting for `dependencyKey`. */
  async aggregatesWaitingFor(consumerGroup: string, dependencyKey: string): Promise<ParkingAggregate[]> {
    const rows: { topic: string; aggregate_key: string }[] = await this.dataSource.query(
      `SELECT DISTINCT topic, aggregate_key FROM parked_event WHERE consumer_group = $1 AND dependency_key = $2`,
      [consumerGroup, dependencyKey],
    );
    return rows.map((r) => ({ consumerGroup, topic: r.topic, aggregateKey: r.aggregate_key }));
  }

  /** Aggregates whose first parked event has not been tried for `untriedForMs`, longest-untried first. */
  async aggregatesDue(
    consumerGroup: string,
    untriedForMs: number,
    limit: number,
  ): Promise<ParkingAggregate[]> {
    const rows: { topic: string; aggregate_key: string }[] = await this.dataSource.query(
      `SELECT topic, aggregate_key FROM (
         SELECT DISTINCT ON (topic, aggregate_key) topic, aggregate_key, coalesce(retried_at, parked_at) AS tried_at
           FROM parked_event WHERE consumer_group = $1 ORDER BY topic, aggregate_key, id
       ) heads
        WHERE tried_at <= now() - make_interval(secs => $2::double precision / 1000)
        ORDER BY tried_at LIMIT $3`,
      [consumerGroup, untriedForMs, limit],
    );
    return rows.map((r) => ({ consumerGroup, topic: r.topic, aggregateKey: r.aggregate_key }));
  }

  async stats(consumerGroup: string): Promise<ParkingStats> {
    const [summary]: { parked: number; oldest_age_s: number | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS parked, extract(epoch FROM now() - min(parked_at))::float8 AS oldest_age_s
         FROM parked_event WHERE consumer_group = $1`,
      [consumerGroup],
    );
    if (summary.parked === 0) return { parked: 0, oldestAgeSeconds: 0, oldest: null };
    const oldest = await this.dataSource.getRepository(ParkedEventEntity).findOne({
      where: { consumerGroup },
      order: { id: 'ASC' },
      select: { eventId: true, eventType: true, dependencyKey: true, topic: true },
    });
    return { parked: summary.parked, oldestAgeSeconds: summary.oldest_age_s ?? 0, oldest };
  }
}

/** The record as it was read, rebuilt from its row. */
export function recordOf(row: ParkedEventEntity): IncomingRecord {
  return {
    topic: row.topic,
    partition: row.recordPartition,
    offset: row.recordOffset,
    key: row.recordKey,
    value: row.recordValue,
    headers: row.recordHeaders,
  };
}

function definedHeaders(headers: IncomingRecord['headers']): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) defined[name] = value;
  return defined;
}
