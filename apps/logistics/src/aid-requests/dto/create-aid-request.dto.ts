import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AID_CATEGORY_IDS, AidUrgency, UNIT_CODE_IDS } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { MAX_QUANTITY } from '../../common/quantity';

/** One item asked for. */
export class AidRequestLineDto {
  @ApiProperty({ example: 'Diesel generator 30 kVA', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  item: string;

  @ApiProperty({ enum: AID_CATEGORY_IDS, example: 'energy' })
  @IsIn(AID_CATEGORY_IDS, {
    message: 'must be an aid category (libs/contracts/src/vocabulary/aid-categories.ts)',
  })
  category: string;

  @ApiProperty({ enum: UNIT_CODE_IDS, example: 'H87', description: 'UN/ECE Recommendation 20 unit code' })
  @IsIn(UNIT_CODE_IDS, { message: 'must be a UN/ECE Recommendation 20 unit code such as KGM, LTR, H87, PF' })
  unit: string;

  @ApiProperty({ example: 20, description: `Whole units, 1 to ${MAX_QUANTITY}` })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity: number;
}

/** Where the goods go. */
export class DeliveryPointDto {
  @ApiProperty({ example: 'вул. Грушевського 1, Долина, 77500', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(500)
  address: string;

  @ApiPropertyOptional({ example: 48.97 }) @IsOptional() @IsLatitude() lat?: number;
  @ApiPropertyOptional({ example: 23.97 }) @IsOptional() @IsLongitude() lon?: number;

  @ApiPropertyOptional({
    description: 'A registry contact of the hromada who receives the goods (contactId)',
  })
  @IsOptional()
  @IsUUID()
  contactId?: string;
}

/** A hromada's aid request, as a draft or published at once. */
export class CreateAidRequestDto {
  @ApiProperty({ description: 'The hromada asking (an officer: their own)' }) @IsUUID() hromadaId: string;

  @ApiPropertyOptional({ description: 'Address one partner only; absent: every partner' })
  @IsOptional()
  @IsUUID()
  addressedTo?: string;

  @ApiProperty({ example: 'Генератори для котелень', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: Object.values(AidUrgency) })
  @IsIn(Object.values(AidUrgency))
  urgency: AidUrgency;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'ISO date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(10, { message: 'must be a date like 2026-12-01' })
  neededBy?: string;

  @ApiProperty({ type: DeliveryPointDto })
  // ValidateNested skips an absent value: without this a request with no delivery point got through.
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => DeliveryPointDto)
  deliveryPoint: DeliveryPointDto;

  @ApiProperty({ type: [AidRequestLineDto] })
  @ValidateNested({ each: true })
  @Type(() => AidRequestLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: AidRequestLineDto[];

  @ApiPropertyOptional({ default: true, description: 'false keeps it a draft only the hromada sees' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}
