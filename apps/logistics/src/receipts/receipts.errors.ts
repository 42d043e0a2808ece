import type { ShipmentStatus } from '@bridges/contracts';
import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum ReceiptErrorCode {
  AlreadyRecorded = 'RECEIPT_ALREADY_RECORDED',
  NotReceivable = 'RECEIPT_SHIPMENT_NOT_RECEIVABLE',
  LinesMismatch = 'RECEIPT_LINES_MISMATCH',
  DamagedExceedsReceived = 'RECEIPT_DAMAGED_EXCEEDS_RECEIVED',
}

/** The shipment has its goods received note already: one per shipment, whoever submits at the same time. */
export class ReceiptAlreadyRecordedError extends DomainError {
  constructor(readonly shipmentId: string) {
    super(
      ReceiptErrorCode.AlreadyRecorded,
      DomainErrorKind.Conflict,
      `Shipment ${shipmentId} has a receipt already`,
    );
  }
}

export class ShipmentNotReceivableError extends DomainError {
  constructor(id: string, status: ShipmentStatus) {
    super(
      ReceiptErrorCode.NotReceivable,
      DomainErrorKind.Conflict,
      `Shipment ${id} is ${status}: goods are received once it was dispatched (and before a return or cancellation)`,
    );
  }
}

export class ReceiptLinesMismatchError extends DomainError {
  constructor(expected: readonly number[]) {
    super(
      ReceiptErrorCode.LinesMismatch,
      DomainErrorKind.Invalid,
      `A receipt names every shipment line exactly once: lines ${expected.join(', ')}`,
    );
  }
}

export class DamagedExceedsReceivedError extends DomainError {
  constructor(lineNo: number) {
    super(
      ReceiptErrorCode.DamagedExceedsReceived,
      DomainErrorKind.Invalid,
      `Line ${lineNo}: the damaged quantity is part of the received quantity and cannot exceed it`,
    );
  }
}
