import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { MoneyDto } from '../../pledges/dto/create-pledge.dto';

/** The driver: personal data, erasable, never exported or published. */
export class DriverDto {
  @ApiProperty({ description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '+370 600 00000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number (digits, spaces, +, -, parentheses)' })
  phone?: string;
}

export class ShipmentDocumentDto {
  @ApiProperty({ example: 'CMR consignment note', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  document: string;

  @ApiProperty() @IsBoolean() ready: boolean;
}

/** A consignment made of one partner's pledges on one request. */
export class CreateShipmentDto {
  @ApiProperty({ type: [String], description: 'Active pledges of one EU municipality on one request' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  pledgeIds: string[];

  @ApiPropertyOptional({ example: 'LT-CMR-0457781', description: 'CMR / waybill number' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(64)
  waybillNumber?: string;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(200)
  carrier?: string;

  @ApiPropertyOptional({ example: 'KLM 123' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9 -]{1,14}$/, {
    message: 'must be a plate of capital letters, digits, spaces or -',
  })
  vehiclePlate?: string;

  @ApiPropertyOptional({ type: DriverDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DriverDto)
  driver?: DriverDto;

  @ApiPropertyOptional({ example: 'Yahodyn–Dorohusk' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(200)
  plannedBorderCrossing?: string;

  @ApiProperty({ example: 22 }) @IsInt() @Min(0) @Max(100_000) packages: number;

  @ApiProperty({ example: 11000, description: 'Gross weight in kg, to the gram' })
  @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(1_000_000)
  grossWeightKg: number;

  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000)
  volumeM3?: number;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'Absent: the sum of the pledges when they share a currency',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  declaredValue?: MoneyDto;

  @ApiPropertyOptional({ example: '2026-03-20' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(10, { message: 'must be a date like 2026-03-20' })
  expectedArrival?: string;

  @ApiPropertyOptional({ type: [ShipmentDocumentDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShipmentDocumentDto)
  @ArrayMaxSize(30)
  documents?: ShipmentDocumentDto[];
}
