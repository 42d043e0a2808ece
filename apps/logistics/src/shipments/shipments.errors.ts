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
