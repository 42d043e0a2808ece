import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const RoundStatus = {
  /** Created by a coordinator, waiting for an instance to claim it. */
  Requested: 'requested',
  /** Claimed by `claimedBy`, whose lease must be renewed before `leaseExpiresAt`. */
  Running: 'running',
  Completed: 'completed',
  Failed: 'failed',
} as const;
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus];

export const RoundPhase = {
  Queued: 'queued',
  Candidates: 'candidates',
  Assign: 'assign',
  Publish: 'publish',
  Done: 'done',
} as const;
export type RoundPhase = (typeof RoundPhase)[keyof typeof RoundPhase];

/** A global matching round of a campaign: claimed by exactly one instance, with its progress. */
@Entity({ name: 'matching_round' })
@Index('ix_matching_round_claimable', ['status', 'createdAt'])
export class MatchingRoundEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @Column({ type: 'text' }) status: RoundStatus;
  @Column({ type: 'text' }) phase: RoundPhase;
  @Column({ type: 'integer' }) done: number;
  @Column({ type: 'integer' }) total: number;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy: string;
  @Column({ name: 'claimed_by', type: 'text', nullable: true }) claimedBy: string | null;
  /** Increases with every claim; a claimant only writes results while the attempt is still its own. */
  @Column({ type: 'integer' }) attempt: number;
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true }) leaseExpiresAt: Date | null;
  @Column({ name: 'hromada_count', type: 'integer', nullable: true }) hromadaCount: number | null;
  @Column({ name: 'eu_count', type: 'integer', nullable: true }) euCount: number | null;
  @Column({ name: 'proposal_count', type: 'integer', nullable: true }) proposalCount: number | null;
  @Column({ name: 'total_score', type: 'double precision', nullable: true }) totalScore: number | null;
  /** Proof of quality: no assignment within the capacities totals more than this (dual of the flow). */
  @Column({ name: 'upper_bound', type: 'double precision', nullable: true }) upperBound: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
