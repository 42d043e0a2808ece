import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { MoneyV1, ShipmentStatus } from './aid-logistics-values.v1';

/** `BR-<year>-<6 digits>-<check digit>`; the check digit is the Damm digit of year and number. */
export const SHIPMENT_REFERENCE_PATTERN = /^BR-\d{4}-\d{6}-\d$/;

export class ShipmentStatusChangedV1 {
  @IsUUID() shipmentId: string;
  @Matches(SHIPMENT_REFERENCE_PATTERN) reference: string;
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsOptional() @IsUUID() partnershipId?: string;
  @IsOptional() @IsString() @MaxLength(200) brokeredBy?: string;
  /** Absent on the first event, when the shipment is prepared. */
  @IsOptional() @IsIn(Object.values(ShipmentStatus)) from?: ShipmentStatus;
  @IsIn(Object.values(ShipmentStatus)) to: ShipmentStatus;
  @IsDateString() at: string;
  @IsOptional() @IsString() @MaxLength(200) place?: string;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @IsInt() @Min(0) packages: number;
  @IsNumber() @Min(0) grossWeightKg: number;
  @IsOptional() @ValidateNested() @Type(() => MoneyV1) declaredValue?: MoneyV1;
  @IsOptional() @IsDateString() expectedArrival?: string;
}

/**
 * Fires when a shipment is prepared and at every step of its timeline (dispatched, at the border, cleared,
 * delivered, received, cancelled, returned). Emitted by aid logistics; never carries the driver's data.
 */
export const ShipmentStatusChangedV1Event = defineEvent({
  type: 'logistics.shipment.status-changed.v1',
  topic: Topics.logistics.shipment,
  payload: ShipmentStatusChangedV1,
  subjectOf: (p) => p.shipmentId,
  description: 'A shipment was prepared or moved along its status timeline.',
});
