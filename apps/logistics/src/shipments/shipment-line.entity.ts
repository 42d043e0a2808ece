import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AidCategory, UnitCode } from '@bridges/contracts';

/** What a shipment carries, copied from its pledges: never edited afterwards (a receipt records differences). */
@Entity({ name: 'shipment_line' })
export class ShipmentLineEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid' }) shipmentId: string;
  @PrimaryColumn({ name: 'line_no', type: 'integer' }) lineNo: number;
  @Column({ name: 'request_line_id', type: 'uuid' }) requestLineId: string;
  @Column({ type: 'text' }) item: string;
  @Column({ type: 'text' }) category: AidCategory;
  @Column({ type: 'text' }) unit: UnitCode;
  @Column({ type: 'integer' }) quantity: number;
}
