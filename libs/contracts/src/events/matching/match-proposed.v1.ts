import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { ProposalFactorV1 } from './proposal-factor.v1';

export const ProposalMode = { Incremental: 'incremental', Round: 'round' } as const;
export type ProposalMode = (typeof ProposalMode)[keyof typeof ProposalMode];

export class MatchProposedV1 {
  @IsUUID() proposalId: string;
  @IsUUID() campaignId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsNumber() @Min(0) @Max(1) score: number;
  /** 1 = best candidate for this hromada in this computation. */
  @IsInt() @Min(1) rank: number;
  @IsIn(Object.values(ProposalMode)) mode: ProposalMode;
  @IsOptional() @IsUUID() roundId?: string;
  @ValidateNested({ each: true }) @Type(() => ProposalFactorV1) @ArrayMinSize(1) factors: ProposalFactorV1[];
}

/**
 * Fires when matching proposes a hromada and an EU municipality to each other, with the factor
 * breakdown. Emitted by matching (incremental matching or a global round).
 */
export const MatchProposedV1Event = defineEvent({
  type: 'matching.proposal.proposed.v1',
  topic: Topics.matching.proposal,
  payload: MatchProposedV1,
  subjectOf: (p) => p.proposalId,
  description: 'An explained match proposal between a hromada and an EU municipality.',
});
