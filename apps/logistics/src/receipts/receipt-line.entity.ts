import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReceiptDiscrepancy } from '@bridges/contracts';

/** What arrived of one shipment line, and how it differs from what was shipped. */
@Entity({ name: 'receipt_line' })
export class ReceiptLineEntity {
  @PrimaryColumn({ name: 'receipt_id', type: 'uuid' }) receiptId: string;
  @PrimaryColumn({ name: 'line_no', type: 'integer' }) lineNo: number;
  @Column({ name: 'received_quantity', type: 'integer' }) receivedQuantity: number;
  @Column({ name: 'damaged_quantity', type: 'integer' }) damagedQuantity: number;
  @Column({ type: 'text' }) discrepancy: ReceiptDiscrepancy;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
