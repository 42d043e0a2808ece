import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProposalDecision } from '@bridges/contracts';

/**
 * What has become of a proposal, from matching's decided / withdrawn events and the partnership it
 * turned into. Digests consult it before they are queued and again while they wait to be sent.
 */
@Entity({ name: 'proposal_outcome' })
export class ProposalOutcomeEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid', primaryKeyConstraintName: 'PK_proposal_outcome' })
  proposalId: string;
  @Column({ name: 'hromada_decision', type: 'text', nullable: true })
  hromadaDecision: ProposalDecision | null;
  @Column({ name: 'eu_decision', type: 'text', nullable: true }) euDecision: ProposalDecision | null;
  @Column({ type: 'boolean', default: false }) withdrawn: boolean;
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true }) partnershipId: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
