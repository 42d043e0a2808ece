import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed ingest request already accepted, remembered while its timestamp is inside the tolerance
 * window so that a captured request sent again is refused, by any instance (it is a table). Keyed by
 * what was signed (association + digest of "<timestamp>.<raw body>"), never by the header text,
 * which a replayer can rewrite without invalidating the MAC.
 */
@Entity({ name: 'ingest_request' })
@Index('ix_ingest_request_expires_at', ['expiresAt'])
export class IngestRequestEntity {
  @PrimaryColumn({ name: 'association_id', type: 'uuid' }) associationId: string;
  /** `signedRequestDigest(timestamp, rawBody)`: hex SHA-256 of exactly what the MAC covers. */
  @PrimaryColumn({ name: 'request_sha256', type: 'text' }) requestSha256: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
