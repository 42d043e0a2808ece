import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ShipmentStatus } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

/** Statuses a timeline step may name (received comes only with a receipt). */
const STEP_STATUSES = Object.values(ShipmentStatus).filter((s) => s !== ShipmentStatus.Received);

export class ChangeShipmentStatusDto {
  @ApiProperty({ enum: STEP_STATUSES }) @IsIn(STEP_STATUSES) status: ShipmentStatus;

  @ApiPropertyOptional({ description: 'When it happened (ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ example: 'Kalvarija border crossing', description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
