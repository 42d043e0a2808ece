import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CurrencyCode, PartnershipStatus } from '@bridges/contracts';
import { numberFromDecimal } from '../common/numeric.transformer';

export const PledgeStatus = { Active: 'active', Shipped: 'shipped', Withdrawn: 'withdrawn' } as const;
export type PledgeStatus = (typeof PledgeStatus)[keyof typeof PledgeStatus];

/** A partner's promise against lines of a request; its quantities are in `pledge_line`. */
@Entity({ name: 'pledge' })
@Index('ix_pledge_request', ['requestId'])
@Index('ix_pledge_partnership', ['partnershipId', 'status'])
export class PledgeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true }) partnershipId: string | null;
  /** Association that brokered it, when a coordinator recorded it on the municipality's behalf. */
  @Column({ name: 'brokered_by', type: 'text', nullable: true }) brokeredBy: string | null;
  @Column({ type: 'text' }) status: PledgeStatus;
  @Column({ name: 'value_minor', type: 'bigint', nullable: true, transformer: numberFromDecimal })
  valueMinor: number | null;
  @Column({ type: 'text', nullable: true }) currency: CurrencyCode | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** Set when the partnership went dormant or ended while the pledge was open. */
  @Column({ name: 'flagged_partnership_status', type: 'text', nullable: true })
  flaggedPartnershipStatus: PartnershipStatus | null;
  @Column({ name: 'flagged_at', type: 'timestamptz', nullable: true }) flaggedAt: Date | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}
