import { IsString, IsUUID, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class ProposalWithdrawnV1 {
  @IsUUID() proposalId: string;
  /** Why, in words a coordinator understands, e.g. "EU municipality has no partnership capacity left". */
  @IsString() @MaxLength(1000) reason: string;
}

/** Fires when a proposal is made stale by a profile change or deactivation. Emitted by matching. */
export const ProposalWithdrawnV1Event = defineEvent({
  type: 'matching.proposal.withdrawn.v1',
  topic: Topics.matching.proposal,
  payload: ProposalWithdrawnV1,
  subjectOf: (p) => p.proposalId,
  description: 'A proposal was withdrawn because it no longer holds.',
});
