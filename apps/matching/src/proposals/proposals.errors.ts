import { DomainError, DomainErrorKind } from '@bridges/platform';
import type { ProposalSide } from '@bridges/contracts';

/** Stable codes of proposal errors. */
export enum ProposalErrorCode {
  NotFound = 'PROPOSAL_NOT_FOUND',
  NotOpen = 'PROPOSAL_NOT_OPEN',
  AlreadyDecided = 'PROPOSAL_SIDE_ALREADY_DECIDED',
  SideRequired = 'PROPOSAL_SIDE_REQUIRED',
  NotYourSide = 'PROPOSAL_NOT_YOUR_SIDE',
}

export class ProposalNotFoundError extends DomainError {
  constructor(id: string) {
    super(ProposalErrorCode.NotFound, DomainErrorKind.NotFound, `Proposal ${id} does not exist`);
  }
}

export class ProposalNotOpenError extends DomainError {
  constructor(id: string, status: string, closedReason?: string | null) {
    super(
      ProposalErrorCode.NotOpen,
      DomainErrorKind.Conflict,
      `Proposal ${id} is ${status}, no longer open for decisions${closedReason ? `: ${closedReason}` : ''}`,
    );
  }
}

export class ProposalAlreadyDecidedError extends DomainError {
  constructor(side: ProposalSide, decision: string) {
    super(
      ProposalErrorCode.AlreadyDecided,
      DomainErrorKind.Conflict,
      `The ${side} side has already ${decision} this proposal`,
    );
  }
}

export class ProposalSideRequiredError extends DomainError {
  constructor() {
    super(
      ProposalErrorCode.SideRequired,
      DomainErrorKind.Invalid,
      'A coordinator deciding on behalf of a side must name it: side = hromada | eu-municipality',
    );
  }
}

export class NotYourSideError extends DomainError {
  constructor(side: ProposalSide) {
    super(
      ProposalErrorCode.NotYourSide,
      DomainErrorKind.Forbidden,
      `Only the ${side} side's officer or a matching coordinator may decide for the ${side} side`,
    );
  }
}
