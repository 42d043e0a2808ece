import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An association's ingest key. Only a SHA-256 digest of the secret is stored: the secret carries
 * 256 random bits, so the digest cannot be reversed or brute-forced and a slow password hash would
 * add nothing. The digest is also the HMAC signing key (see `api-key.crypto.ts`).
 */
@Entity({ name: 'association_api_key' })
@Index('ix_association_api_key_association', ['associationId'])
export class AssociationApiKeyEntity {
  /** Public key id sent as `Bridges-Key-Id`, e.g. `bk_3f9a1c2b7d4e5f60`. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId: string;
  /** Hex SHA-256 of the secret; never the secret. */
  @Column({ name: 'secret_sha256', type: 'text' }) secretSha256: string;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
