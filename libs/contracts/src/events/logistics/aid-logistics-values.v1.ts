import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { CURRENCY_CODES, type CurrencyCode } from '../../vocabulary/currencies';

/**
 * Values shared by the events of `logistics.aid-request.v1` and `logistics.shipment.v1`. Statuses are wire
 * values: a consumer must tolerate one it does not know yet (libs/contracts/README.md, "Versioning").
 */
export const AidRequestStatus = {
  Draft: 'draft',
  Open: 'open',
  PartlyPledged: 'partly-pledged',
  FullyPledged: 'fully-pledged',
  Closed: 'closed',
  Cancelled: 'cancelled',
} as const;
export type AidRequestStatus = (typeof AidRequestStatus)[keyof typeof AidRequestStatus];

export const AidUrgency = { Critical: 'critical', High: 'high', Normal: 'normal', Low: 'low' } as const;
export type AidUrgency = (typeof AidUrgency)[keyof typeof AidUrgency];

export const ShipmentStatus = {
  Prepared: 'prepared',
  Dispatched: 'dispatched',
  AtBorder: 'at-border',
  Cleared: 'cleared',
  Delivered: 'delivered',
  /** The hromada confirmed what arrived with a goods received note: final. */
  Received: 'received',
  Cancelled: 'cancelled',
  Returned: 'returned',
} as const;
export type ShipmentStatus = (typeof ShipmentStatus)[keyof typeof ShipmentStatus];

/** What a goods received note says about one line, against what was shipped. */
export const ReceiptDiscrepancy = { None: 'none', Short: 'short', Over: 'over', Damaged: 'damaged' } as const;
export type ReceiptDiscrepancy = (typeof ReceiptDiscrepancy)[keyof typeof ReceiptDiscrepancy];

/** Largest amount in minor units: 10^13 (EUR 100 billion), well inside a JavaScript safe integer. */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;

/** A declared value: integer minor units of an ISO 4217 currency (cents for EUR), never a float. */
export class MoneyV1 {
  @IsInt() @Min(0) @Max(MAX_AMOUNT_MINOR) amountMinor: number;
  @IsString() @IsIn(CURRENCY_CODES) currency: CurrencyCode;
}
