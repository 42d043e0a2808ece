import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '@bridges/platform';
import type { RejectionPath } from './ingest-rejection.entity';

/** Rows kept at most: the newest; older ones are deleted as new ones arrive. */
export const REJECTIONS_KEPT = 10_000;
/** Days a rejection is kept at most. */
export const REJECTION_RETENTION_DAYS = 30;
/** Longest text stored per field: a sender chooses these strings, so they are cut, never stored whole. */
const MAX_MESSAGE = 500;
const MAX_IDENTIFIER = 200;

/** What is known of a refused event; everything optional but why. */
export interface IngestRejection {
  readonly path: RejectionPath;
  readonly reason: string;
  readonly message: string;
  readonly associationId?: string;
  readonly keyId?: string;
  readonly eventId?: string;
  readonly eventType?: string;
}

export interface IngestRejectionView {
  readonly id: string;
  readonly receivedAt: string;
  readonly path: RejectionPath;
  readonly reason: string;
  readonly message: string;
  readonly associationId?: string;
  readonly associationName?: string;
  readonly keyId?: string;
  readonly eventId?: string;
  readonly eventType?: string;
}

interface RejectionRow {
  id: string;
  received_at: Date;
  path: RejectionPath;
  reason: string;
  message: string;
  association_id: string | null;
  association_name: string | null;
  key_id: string | null;
  event_id: string | null;
  event_type: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The registry's bounded list of refused association events: refusals of `POST /ingest` and records
 * its consumer dead-lettered. Each write prunes to the newest REJECTIONS_KEPT rows of the last
 * REJECTION_RETENTION_DAYS, so a flood of bad requests costs a bounded table.
 */
@Injectable()
export class IngestRejectionsService {
  private readonly logger = new Logger(IngestRejectionsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a rejection in its own short transaction. Never throws: keeping the list must not change
   * the answer to the refused request or the consumer's handling of a dead letter.
   */
  async record(rejection: IngestRejection): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ id }]: { id: string }[] = await manager.query(
          `INSERT INTO ingest_rejection (path, reason, message, association_id, key_id, event_id, event_type)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            rejection.path,
            capped(rejection.reason, MAX_IDENTIFIER),
            capped(rejection.message, MAX_MESSAGE),
            rejection.associationId && UUID.test(rejection.associationId) ? rejection.associationId : null,
            nullableCapped(rejection.keyId),
            nullableCapped(rejection.eventId),
            nullableCapped(rejection.eventType),
          ],
        );
        // Ids only grow, so "older than the newest N" is an index range, whatever the table's size.
        await manager.query(
          `DELETE FROM ingest_rejection
            WHERE id <= $1::bigint - $2 OR received_at < now() - make_interval(days => $3)`,
          [id, REJECTIONS_KEPT, REJECTION_RETENTION_DAYS],
        );
      });
    } catch (error) {
      this.logger.error(
        `Could not record a ${rejection.path} rejection (${rejection.reason}): ${String(error)}`,
      );
    }
  }

  /** Newest first; a dead-lettered event that came through `POST /ingest` is named with its association. */
  async recent(limit: number, offset: number): Promise<Page<IngestRejectionView>> {
    const rows: RejectionRow[] = await this.dataSource.query(
      `SELECT j.id, j.received_at, j.path, j.reason, j.message, j.key_id, j.event_id, j.event_type,
              coalesce(j.association_id, r.association_id) AS association_id, a.name AS association_name
         FROM ingest_rejection j
         -- Only a dead-lettered Kafka record is named by the HTTP ingest that brought it in; an HTTP refusal
         -- names an event id its (unauthenticated) caller chose, which must not borrow an association.
         LEFT JOIN ingest_receipt r ON j.path = 'kafka' AND j.association_id IS NULL AND r.event_id::text = j.event_id
         LEFT JOIN association a ON a.id = coalesce(j.association_id, r.association_id)
        ORDER BY j.id DESC
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ingest_rejection`,
    );
    return { items: rows.map(toView), total, limit, offset };
  }
}

/** Cut to `max` characters, without NUL (PostgreSQL text refuses it) or other control characters. */
function capped(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function nullableCapped(text: string | undefined): string | null {
  return text ? capped(text, MAX_IDENTIFIER) : null;
}

function toView(row: RejectionRow): IngestRejectionView {
  return {
    id: row.id,
    receivedAt: row.received_at.toISOString(),
    path: row.path,
    reason: row.reason,
    message: row.message,
    ...(row.association_id ? { associationId: row.association_id } : {}),
    ...(row.association_name ? { associationName: row.association_name } : {}),
    ...(row.key_id ? { keyId: row.key_id } : {}),
    ...(row.event_id ? { eventId: row.event_id } : {}),
    ...(row.event_type ? { eventType: row.event_type } : {}),
  };
}
