import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A goods received note: at most one per shipment (unique), whatever number of clerks submit at once. */
@Entity({ name: 'receipt' })
export class ReceiptEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'shipment_id', type: 'uuid', unique: true }) shipmentId: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'has_discrepancies', type: 'boolean' }) hasDiscrepancies: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
}
