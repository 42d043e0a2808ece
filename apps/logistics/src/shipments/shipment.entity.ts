import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CurrencyCode, ShipmentStatus } from '@bridges/contracts';
import { numberFromDecimal } from '../common/numeric.transformer';

/** One item of the documents checklist (CMR, packing list, donation certificate, …) and whether it is ready. */
export interface ShipmentDocument {
  readonly document: string;
  readonly ready: boolean;
}

/** A consignment sent under one or more pledges of one partner for one request. */
@Entity({ name: 'shipment' })
@Index('ix_shipment_request', ['requestId'])
@Index('ix_shipment_hromada', ['hromadaId', 'status'])
@Index('ix_shipment_eu', ['euMunicipalityId', 'status'])
export class ShipmentEntity {
  @PrimaryColumn('uuid') id: string;
  /** `BR-YYYY-NNNNNN-C`, see shipment-reference.ts. */
  @Column({ type: 'text', unique: true }) reference: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  @Column({ name: 'eu_municipality_id', type: 'uuid' }) euMunicipalityId: string;
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true }) partnershipId: string | null;
  @Column({ name: 'brokered_by', type: 'text', nullable: true }) brokeredBy: string | null;
  @Column({ type: 'text' }) status: ShipmentStatus;
  @Column({ name: 'waybill_number', type: 'text', nullable: true }) waybillNumber: string | null;
  @Column({ type: 'text', nullable: true }) carrier: string | null;
  @Column({ name: 'vehicle_plate', type: 'text', nullable: true }) vehiclePlate: string | null;
  /** Personal data: erased on request (`DELETE /shipments/:id/driver`), never exported or published. */
  @Column({ name: 'driver_name', type: 'text', nullable: true }) driverName: string | null;
  @Column({ name: 'driver_phone', type: 'text', nullable: true }) driverPhone: string | null;
  @Column({ name: 'planned_border_crossing', type: 'text', nullable: true })
  plannedBorderCrossing: string | null;
  @Column({ type: 'integer' }) packages: number;
  @Column({
    name: 'gross_weight_kg',
    type: 'numeric',
    precision: 12,
    scale: 3,
    transformer: numberFromDecimal,
  })
  grossWeightKg: number;
  @Column({
    name: 'volume_m3',
    type: 'numeric',
    precision: 10,
    scale: 3,
    nullable: true,
    transformer: numberFromDecimal,
  })
  volumeM3: number | null;
  @Column({ name: 'value_minor', type: 'bigint', nullable: true, transformer: numberFromDecimal })
  valueMinor: number | null;
  @Column({ type: 'text', nullable: true }) currency: CurrencyCode | null;
  @Column({ name: 'expected_arrival', type: 'date', nullable: true }) expectedArrival: string | null;
  @Column({ type: 'jsonb' }) documents: ShipmentDocument[];
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
}
