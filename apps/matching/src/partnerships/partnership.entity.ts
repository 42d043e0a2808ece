import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartnershipStatus, PartnershipTrack } from '@bridges/contracts';
import type { PartnershipOrigin } from './partnership-origin';

/**
 * A partnership established from an accepted proposal, or recorded by a coordinator when it was formed
 * before or outside Bridges (no proposal, no campaign), and where it stands in its lifecycle.
 */
@Entity({ name: 'partnership' })
@Check(
  'ck_partnership_origin',
  `"origin" = 'recorded' OR ("origin" = 'matching' AND "proposal_id" IS NOT NULL AND "campaign_id" IS NOT NULL)`,
)
// At most one partnership that has not ended per pair.
@Index('ux_partnership_live_pair', ['hromadaId', 'euMunicipalityId'], {
  unique: true,
  where: `"status" <> 'ended'`,
})
@Index('ix_partnership_status', ['status', 'establishedAt'])
export class PartnershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid', unique: true, nullable: true }) proposalId: string | null;
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId: string | null;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ type: 'text' }) status: PartnershipStatus;
  @Column({ type: 'text' }) track: PartnershipTrack;
  @Column({ name: 'established_at', type: 'timestamptz' }) establishedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'text', default: 'matching' }) origin: PartnershipOrigin;
  /** The coordinator's note on a recorded partnership (e.g. when and how it was formed). */
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** See MunicipalityProjectionEntity.poolSeq: partnerships change EU capacity. */
  @Column({ name: 'pool_seq', type: 'bigint', default: () => "nextval('matching_pool_seq')" })
  poolSeq: string;
}
