import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a creating POST under an `Idempotency-Key`, per caller. Written in the transaction
 * that creates, so a key either names a committed result or nothing.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  /** The token subject: keys of different callers never collide. */
  @PrimaryColumn({ type: 'text' }) principal: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  /** Which command, e.g. `POST /aid-requests`. */
  @Column({ type: 'text' }) command: string;
  /** SHA-256 of the canonical JSON of the validated body and path parameters. */
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus: number | null;
  @Column({ name: 'response_body', type: 'jsonb', nullable: true }) responseBody: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
