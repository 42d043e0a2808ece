import { ReceiptDiscrepancy } from '@bridges/contracts';

/**
 * What a receipt line says against what was shipped. Short or over is about the count; damaged goods are
 * part of what was counted, so a full count with damage is `damaged`, and a short count with damage stays
 * `short` (the damaged quantity is recorded beside it).
 */
export function discrepancyOf(shipped: number, received: number, damaged: number): ReceiptDiscrepancy {
  if (received < shipped) return ReceiptDiscrepancy.Short;
  if (received > shipped) return ReceiptDiscrepancy.Over;
  if (damaged > 0) return ReceiptDiscrepancy.Damaged;
  return ReceiptDiscrepancy.None;
}

/** What counts as fulfilling the request: goods received in usable condition. */
export function usableQuantity(received: number, damaged: number): number {
  return Math.max(0, received - damaged);
}
