import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '@bridges/platform';

export interface IngestedEventView {
  readonly eventId: string;
  readonly type: string;
  readonly processedAt: string;
  readonly via: 'http-ingest' | 'kafka';
  readonly associationId?: string;
  readonly associationName?: string;
  readonly sourceEventId?: string;
}

export interface RetryingEventView {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly updatedAt: string;
}

interface IngestedRow {
  event_id: string;
  event_type: string;
  processed_at: Date;
  association_id: string | null;
  association_name: string | null;
  source_event_id: string | null;
}

/**
 * What the registry keeps of the association events it consumed: the inbox rows of the events it
 * applied (joined with the signed-ingest receipt when one came over HTTP), and the records it is
 * retrying. Dead-lettered events are not kept here: they are on `associations.inbound.v1.dlq`.
 */
@Injectable()
export class IngestedEventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recent(limit: number, offset: number): Promise<Page<IngestedEventView>> {
    const rows: IngestedRow[] = await this.dataSource.query(
      `SELECT p.event_id, p.event_type, p.processed_at, r.association_id, a.name AS association_name, r.source_event_id
         FROM inbox_processed_event p
         LEFT JOIN ingest_receipt r ON r.event_id::text = p.event_id
         LEFT JOIN association a ON a.id = r.association_id
        ORDER BY p.processed_at DESC, p.event_id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM inbox_processed_event`,
    );
    return { items: rows.map(toIngestedView), total, limit, offset };
  }

  async retrying(): Promise<RetryingEventView[]> {
    const rows: {
      topic: string;
      partition: number;
      record_offset: string;
      attempts: number;
      last_error: string;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT topic, partition, record_offset, attempts, last_error, updated_at
         FROM consumer_attempt ORDER BY updated_at DESC LIMIT 100`,
    );
    return rows.map((r) => ({
      topic: r.topic,
      partition: r.partition,
      offset: r.record_offset,
      attempts: r.attempts,
      lastError: r.last_error,
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}

function toIngestedView(row: IngestedRow): IngestedEventView {
  return {
    eventId: row.event_id,
    type: row.event_type,
    processedAt: row.processed_at.toISOString(),
    via: row.association_id ? 'http-ingest' : 'kafka',
    ...(row.association_id
      ? {
          associationId: row.association_id,
          ...(row.association_name ? { associationName: row.association_name } : {}),
          sourceEventId: row.source_event_id ?? undefined,
        }
      : {}),
  };
}
