import type { PartnershipStatus, ProposalSide } from '@bridges/contracts';
import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of partnership errors. */
export enum PartnershipErrorCode {
  NotFound = 'PARTNERSHIP_NOT_FOUND',
  InvalidTransition = 'PARTNERSHIP_INVALID_TRANSITION',
  PairAlreadyPartnered = 'PARTNERSHIP_PAIR_ALREADY_PARTNERED',
  TrackUnchanged = 'PARTNERSHIP_TRACK_UNCHANGED',
  CapacityExhausted = 'PARTNERSHIP_CAPACITY_EXHAUSTED',
}

export class PartnershipNotFoundError extends DomainError {
  constructor(id: string) {
    super(PartnershipErrorCode.NotFound, DomainErrorKind.NotFound, `Partnership ${id} does not exist`);
  }
}

/** A lifecycle step that does not exist; carries the steps that do, for the 409 body. */
export class InvalidPartnershipTransitionError extends DomainError {
  constructor(
    readonly from: PartnershipStatus,
    readonly to: PartnershipStatus,
    readonly allowedTransitions: readonly PartnershipStatus[],
  ) {
    super(
      PartnershipErrorCode.InvalidTransition,
      DomainErrorKind.Conflict,
      `A partnership cannot go from ${from} to ${to}; allowed from ${from}: ${allowedTransitions.length ? allowedTransitions.join(', ') : 'none (final)'}`,
    );
  }
}

export class PairAlreadyPartneredError extends DomainError {
  constructor(hromadaId: string, euMunicipalityId: string) {
    super(
      PartnershipErrorCode.PairAlreadyPartnered,
      DomainErrorKind.Conflict,
      `Hromada ${hromadaId} and EU municipality ${euMunicipalityId} already have a partnership that has not ended`,
    );
  }
}

export class TrackUnchangedError extends DomainError {
  constructor(track: string) {
    super(
      PartnershipErrorCode.TrackUnchanged,
      DomainErrorKind.Conflict,
      `The partnership is on the ${track} track already`,
    );
  }
}

/** One side already has as many live partnerships as its capacity allows; nothing was written. */
export class PartnershipCapacityExhaustedError extends DomainError {
  constructor(
    readonly side: ProposalSide,
    readonly municipalityId: string,
    readonly capacity: number,
  ) {
    super(
      PartnershipErrorCode.CapacityExhausted,
      DomainErrorKind.Conflict,
      `The ${side} side (${municipalityId}) has no partnership capacity left: ${capacity} partnership(s) that have not ended`,
    );
  }
}
