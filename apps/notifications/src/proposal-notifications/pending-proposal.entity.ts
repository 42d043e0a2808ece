import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposalClosedReason } from '../digest';
import type { ProposalDigestItem } from '../templates';

/** A proposal waiting to go into one recipient's next digest (see digest/proposal-digest.planner.ts). */
@Entity({ name: 'pending_proposal' })
@Index('ux_pending_proposal_source_recipient', ['sourceEventId', 'recipientId'], { unique: true })
@Index('ix_pending_proposal_open', ['digestedAt', 'recipientId'])
@Index('ix_pending_proposal_proposal', ['proposalId'])
export class PendingProposalEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'recipient_id', type: 'text' }) recipientId: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  @Column({ type: 'double precision' }) score: number;
  /** `municipality` for the hromada's contacts, `coordinator` for matching coordinators. */
  @Column({ type: 'text' }) audience: 'municipality' | 'coordinator';
  /** What the digest shows, captured when the proposal arrived. */
  @Column({ type: 'jsonb' }) item: ProposalDigestItem;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  /** Set when a digest took it, or when it was dropped (then `droppedReason` says why). */
  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true }) digestedAt: Date | null;
  /** The digest that took it (its delivery's source is `digest:<digestId>`), while it could still change. */
  @Column({ name: 'digest_id', type: 'text', nullable: true }) digestId: string | null;
  /** Why it is not (or no longer) in a digest: the proposal was decided, withdrawn or became a partnership. */
  @Column({ name: 'dropped_reason', type: 'text', nullable: true })
  droppedReason: ProposalClosedReason | null;
}
