import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which pledges a shipment fulfils (a pledge ships once). */
@Entity({ name: 'shipment_pledge' })
@Index('ux_shipment_pledge_pledge', ['pledgeId'], { unique: true })
export class ShipmentPledgeEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid' }) shipmentId: string;
  @PrimaryColumn({ name: 'pledge_id', type: 'uuid' }) pledgeId: string;
}
