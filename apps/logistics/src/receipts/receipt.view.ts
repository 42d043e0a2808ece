import type { ReceiptLineEntity } from './receipt-line.entity';
import type { ReceiptEntity } from './receipt.entity';

export interface ReceiptView extends ReceiptEntity {
  readonly lines: readonly (Omit<ReceiptLineEntity, 'receiptId'> & { readonly shippedQuantity: number })[];
}
