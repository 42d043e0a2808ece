import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { MAX_QUANTITY } from '../../common/quantity';

/** What arrived of one shipment line. */
export class ReceiptLineDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(100) lineNo: number;

  @ApiProperty({ example: 20, description: 'Counted on arrival, damaged included' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  receivedQuantity: number;

  @ApiPropertyOptional({ example: 0, description: 'Of the received quantity, how much arrived damaged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  damagedQuantity?: number;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** A goods received note: one line per shipment line. */
export class CreateReceiptDto {
  @ApiProperty({ type: [ReceiptLineDto] })
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: ReceiptLineDto[];

  @ApiPropertyOptional({ description: 'When the goods were received (ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
