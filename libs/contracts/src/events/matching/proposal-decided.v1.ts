import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export const ProposalSide = { Hromada: 'hromada', EuMunicipality: 'eu-municipality' } as const;
export type ProposalSide = (typeof ProposalSide)[keyof typeof ProposalSide];

export const ProposalDecision = { Accepted: 'accepted', Declined: 'declined' } as const;
export type ProposalDecision = (typeof ProposalDecision)[keyof typeof ProposalDecision];

export class ProposalDecidedV1 {
  @IsUUID() proposalId: string;
  @IsIn(Object.values(ProposalSide)) side: ProposalSide;
  @IsIn(Object.values(ProposalDecision)) decision: ProposalDecision;
  /** Subject (user id) who decided: the side's officer or a coordinator on its behalf. */
  @IsString() @MaxLength(200) decidedBy: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** Fires when one side accepts or declines a proposal. Emitted by matching. */
export const ProposalDecidedV1Event = defineEvent({
  type: 'matching.proposal.decided.v1',
  topic: Topics.matching.proposal,
  payload: ProposalDecidedV1,
  subjectOf: (p) => p.proposalId,
  description: 'One side of a proposal accepted or declined it.',
});
