import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ShipmentStatus } from '@bridges/contracts';

/** One step of a shipment's status timeline: when, where, what was noted, by whom. */
@Entity({ name: 'shipment_step' })
@Index('ix_shipment_step_shipment', ['shipmentId', 'id'])
export class ShipmentStepEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'shipment_id', type: 'uuid' }) shipmentId: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: ShipmentStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: ShipmentStatus;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
}
