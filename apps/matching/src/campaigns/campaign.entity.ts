import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EuEligibility, FactorWeights, HromadaEligibility } from '../scoring/campaign';

export const CampaignStatus = { Active: 'active', Closed: 'closed' } as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

/** A matching campaign: eligibility, weights and sizes (see `Campaign` in scoring/campaign.ts). */
@Entity({ name: 'campaign' })
export class CampaignEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) slug: string;
  @Column({ type: 'text' }) name: string;
  /** Only active campaigns take part in incremental matching and accept rounds. */
  @Column({ type: 'text' }) status: CampaignStatus;
  @Column({ name: 'eu_eligibility', type: 'jsonb' }) euEligibility: EuEligibility;
  @Column({ name: 'hromada_eligibility', type: 'jsonb' }) hromadaEligibility: HromadaEligibility;
  @Column({ type: 'jsonb' }) weights: FactorWeights;
  @Column({ name: 'top_k', type: 'integer' }) topK: number;
  @Column({ name: 'max_new_partners_per_hromada_per_round', type: 'integer' })
  maxNewPartnersPerHromadaPerRound: number;
  @Column({ name: 'candidates_per_hromada', type: 'integer' }) candidatesPerHromada: number;
  @Column({ name: 'candidates_per_eu_municipality', type: 'integer' }) candidatesPerEuMunicipality: number;
  @Column({ name: 'min_score', type: 'double precision' }) minScore: number;
  @Column({ name: 'distance_half_score_km', type: 'double precision' }) distanceHalfScoreKm: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
