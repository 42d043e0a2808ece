import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signature already accepted, remembered while its timestamp is inside the tolerance window, so
 * that a captured request replayed verbatim is refused (by any instance: it is a table).
 */
@Entity({ name: 'ingest_signature' })
@Index('ix_ingest_signature_expires_at', ['expiresAt'])
export class IngestSignatureEntity {
  @PrimaryColumn({ name: 'key_id', type: 'text' }) keyId: string;
  @PrimaryColumn({ type: 'text' }) signature: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
