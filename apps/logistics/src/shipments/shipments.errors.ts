import type { ShipmentStatus } from '@bridges/contracts';
import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum ShipmentErrorCode {
  NotFound = 'SHIPMENT_NOT_FOUND',
  InvalidTransition = 'SHIPMENT_INVALID_TRANSITION',
  PledgesMismatch = 'SHIPMENT_PLEDGES_MISMATCH',
  ReferencesExhausted = 'SHIPMENT_REFERENCES_EXHAUSTED',
}

export class ShipmentNotFoundError extends DomainError {
  constructor(id: string) {
    super(ShipmentErrorCode.NotFound, DomainErrorKind.NotFound, `Shipment ${id} does not exist`);
  }
}

/** A timeline step backwards or out of a final status; carries the allowed ones for the 409 body. */
export class InvalidShipmentTransitionError extends DomainError {
  constructor(
    readonly from: ShipmentStatus,
    readonly to: ShipmentStatus,
    readonly allowedTransitions: readonly ShipmentStatus[],
  ) {
    super(
      ShipmentErrorCode.InvalidTransition,
      DomainErrorKind.Conflict,
      `A shipment cannot go from ${from} to ${to}; allowed: ${allowedTransitions.join(', ') || 'none'}`,
    );
  }
}

export class ShipmentPledgesMismatchError extends DomainError {
  constructor() {
    super(
      ShipmentErrorCode.PledgesMismatch,
      DomainErrorKind.Invalid,
      'A shipment carries pledges of one EU municipality on one request',
    );
  }
}

/**
 * The reference grammar (`BR-YYYY-NNNNNN-C`, fixed in the contracts) has room for 999,999 numbers, and
 * numbers never repeat (one sequence for all years): once used up, no shipment can be named. Retrying does
 * not help, so not a 503; nothing was written. Widening the number is a contract change (a `.v2` topic).
 */
export class ShipmentReferencesExhaustedError extends DomainError {
  constructor(max: number) {
    super(
      ShipmentErrorCode.ReferencesExhausted,
      DomainErrorKind.Conflict,
      `All ${max.toLocaleString('en')} shipment reference numbers are used; no shipment can be prepared until the reference format is widened`,
    );
  }
}
