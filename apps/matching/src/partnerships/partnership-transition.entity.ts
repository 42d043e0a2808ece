import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnershipStatus, PartnershipTrack } from '@bridges/contracts';

/** One step of a partnership's history: establishment (from null), a status change or a track change. */
@Entity({ name: 'partnership_transition' })
@Index('ix_partnership_transition_partnership', ['partnershipId', 'id'])
export class PartnershipTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'partnership_id', type: 'uuid' }) partnershipId: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: PartnershipStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: PartnershipStatus;
  @Column({ type: 'text' }) track: PartnershipTrack;
  @Column({ name: 'changed_by', type: 'text' }) changedBy: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
