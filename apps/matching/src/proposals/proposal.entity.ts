import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposalDecision, ProposalFactorV1, ProposalMode } from '@bridges/contracts';

export const ProposalStatus = {
  /** Waiting for one or both sides. */
  Open: 'open',
  /** Both sides accepted: a partnership was established. */
  Accepted: 'accepted',
  /** One side declined. */
  Declined: 'declined',
  /** Made stale by a profile change or deactivation. */
  Withdrawn: 'withdrawn',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];

/** A proposed hromada–EU pair in a campaign, with its explained score and each side's decision. */
@Entity({ name: 'proposal' })
// Never two open proposals for the same pair in a campaign, whichever instance or mode proposes.
@Index('ux_proposal_open_pair', ['campaignId', 'hromadaId', 'euMunicipalityId'], {
  unique: true,
  where: `"status" = 'open'`,
})
// A round proposes a pair at most once, even if its results were written twice.
@Index('ux_proposal_round_pair', ['roundId', 'hromadaId', 'euMunicipalityId'], {
  unique: true,
  where: '"round_id" IS NOT NULL',
})
@Index('ix_proposal_hromada', ['hromadaId', 'status'])
@Index('ix_proposal_eu', ['euMunicipalityId', 'status'])
@Index('ix_proposal_campaign_status', ['campaignId', 'status', 'createdAt'])
export class ProposalEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ type: 'double precision' }) score: number;
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'text' }) mode: ProposalMode;
  @Column({ name: 'round_id', type: 'uuid', nullable: true }) roundId: string | null;
  /** The "why this match": one entry per factor, as published. */
  @Column({ type: 'jsonb' }) factors: ProposalFactorV1[];
  @Column({ type: 'text' }) status: ProposalStatus;
  @Column({ name: 'hromada_decision', type: 'text', nullable: true })
  hromadaDecision: ProposalDecision | null;
  @Column({ name: 'hromada_decided_by', type: 'text', nullable: true }) hromadaDecidedBy: string | null;
  @Column({ name: 'eu_decision', type: 'text', nullable: true }) euDecision: ProposalDecision | null;
  @Column({ name: 'eu_decided_by', type: 'text', nullable: true }) euDecidedBy: string | null;
  /** Why it was declined or withdrawn. */
  @Column({ name: 'closed_reason', type: 'text', nullable: true }) closedReason: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
