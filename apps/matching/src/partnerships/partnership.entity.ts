import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartnershipStatus, PartnershipTrack } from '@bridges/contracts';

/** A partnership established from an accepted proposal, and where it stands in its lifecycle. */
@Entity({ name: 'partnership' })
// At most one partnership that has not ended per pair.
@Index('ux_partnership_live_pair', ['hromadaId', 'euMunicipalityId'], {
  unique: true,
  where: `"status" <> 'ended'`,
})
@Index('ix_partnership_status', ['status', 'establishedAt'])
export class PartnershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid', unique: true }) proposalId: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ type: 'text' }) status: PartnershipStatus;
  @Column({ type: 'text' }) track: PartnershipTrack;
  @Column({ name: 'established_at', type: 'timestamptz' }) establishedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** See MunicipalityProjectionEntity.poolSeq: partnerships change EU capacity. */
  @Column({ name: 'pool_seq', type: 'bigint', default: () => "nextval('matching_pool_seq')" })
  poolSeq: string;
}
