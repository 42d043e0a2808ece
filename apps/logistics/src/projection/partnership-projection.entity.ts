import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartnershipStatus, PartnershipTrack } from '@bridges/contracts';

/** What logistics knows of a partnership from `matching.partnership.v1`: who and whether aid may flow. */
@Entity({ name: 'partnership_projection' })
@Index('ix_partnership_projection_pair', ['hromadaId', 'euMunicipalityId'])
@Index('ix_partnership_projection_eu', ['euMunicipalityId'])
export class PartnershipProjectionEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' }) partnershipId: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ type: 'text' }) status: PartnershipStatus;
  @Column({ type: 'text' }) track: PartnershipTrack;
  @Column({ name: 'established_at', type: 'timestamptz' }) establishedAt: Date;
  /** `changedAt` of the last event applied: an older one (a replay) changes nothing. */
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
