import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
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
import { ReceiptDiscrepancy } from './aid-logistics-values.v1';
import { SHIPMENT_REFERENCE_PATTERN } from './shipment-status-changed.v1';

export class ReceiptLineV1 {
  @IsInt() @Min(1) lineNo: number;
  @IsString() @MaxLength(200) item: string;
  @IsString() @MaxLength(64) category: string;
  @IsString() @MaxLength(8) unit: string;
  @IsInt() @Min(0) shippedQuantity: number;
  /** Counted on arrival, damaged goods included. */
  @IsInt() @Min(0) receivedQuantity: number;
  /** Of the received quantity, how much arrived damaged. */
  @IsInt() @Min(0) damagedQuantity: number;
  @IsIn(Object.values(ReceiptDiscrepancy)) discrepancy: ReceiptDiscrepancy;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ShipmentReceivedV1 {
  @IsUUID() shipmentId: string;
  @Matches(SHIPMENT_REFERENCE_PATTERN) reference: string;
  @IsUUID() receiptId: string;
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsDateString() receivedAt: string;
  @IsBoolean() hasDiscrepancies: boolean;
  @ValidateNested({ each: true }) @Type(() => ReceiptLineV1) @ArrayMaxSize(100) lines: ReceiptLineV1[];
}

/**
 * Fires when the hromada confirms what arrived (goods received note), with any short, damaged or over
 * quantities per line. Emitted by aid logistics; notifications tells the sender.
 */
export const ShipmentReceivedV1Event = defineEvent({
  type: 'logistics.shipment.received.v1',
  topic: Topics.logistics.shipment,
  payload: ShipmentReceivedV1,
  subjectOf: (p) => p.shipmentId,
  description: 'The hromada confirmed receipt of a shipment, with discrepancies per line.',
});
