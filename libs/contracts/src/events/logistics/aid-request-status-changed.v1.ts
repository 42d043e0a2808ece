import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { AidRequestStatus } from './aid-logistics-values.v1';

/** Where one line of a request stands. */
export class AidRequestLineProgressV1 {
  @IsUUID() lineId: string;
  @IsInt() @Min(1) quantity: number;
  @IsInt() @Min(0) pledged: number;
  @IsInt() @Min(0) received: number;
}

export class AidRequestStatusChangedV1 {
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsIn(Object.values(AidRequestStatus)) from: AidRequestStatus;
  @IsIn(Object.values(AidRequestStatus)) to: AidRequestStatus;
  @ValidateNested({ each: true })
  @Type(() => AidRequestLineProgressV1)
  @ArrayMaxSize(100)
  lines: AidRequestLineProgressV1[];
  @IsDateString() changedAt: string;
  @IsString() @MaxLength(200) changedBy: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/**
 * Fires when an aid request moves on: partly or fully pledged (or back, on a withdrawal), closed (every
 * line received, or by the hromada) or cancelled. Emitted by aid logistics.
 */
export const AidRequestStatusChangedV1Event = defineEvent({
  type: 'logistics.aid-request.status-changed.v1',
  topic: Topics.logistics.aidRequest,
  payload: AidRequestStatusChangedV1,
  subjectOf: (p) => p.requestId,
  description: 'An aid request changed status (pledged, closed, cancelled).',
});
