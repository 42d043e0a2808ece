import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberFromDecimal } from '../common/numeric.transformer';

/**
 * The maintained aggregates behind `GET /totals`: one number per (dimension, key, period, measure, unit),
 * incremented in the transaction that delivers or receives a shipment, so a total is a primary-key read,
 * never a scan of shipments. See totals.rules.ts for the dimensions and measures.
 */
@Entity({ name: 'aid_total' })
export class AidTotalEntity {
  @PrimaryColumn({ type: 'text' }) dimension: string;
  @PrimaryColumn({ name: 'dimension_key', type: 'text' }) dimensionKey: string;
  /** `all`, a year `2026` or a month `2026-03` (of delivery). */
  @PrimaryColumn({ type: 'text' }) period: string;
  @PrimaryColumn({ type: 'text' }) measure: string;
  /** Currency for `value`, unit code for `quantity`, day count for `days`, '' otherwise. */
  @PrimaryColumn({ type: 'text' }) unit: string;
  @Column({ type: 'numeric', precision: 24, scale: 3, transformer: numberFromDecimal }) amount: number;
}
