import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CURRENCY_CODES, MAX_AMOUNT_MINOR, type CurrencyCode } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { MAX_QUANTITY } from '../../common/quantity';

export class PledgeLineDto {
  @ApiProperty({ description: 'A line of the request' }) @IsUUID() lineId: string;

  @ApiProperty({ example: 10, description: 'At most what is still unpledged on the line' })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity: number;
}

/** A declared value in integer minor units (cents for EUR), never a decimal. */
export class MoneyDto {
  @ApiProperty({ example: 10_000_000, description: 'Minor units: EUR 100,000.00 is 10000000' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor: number;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'EUR' })
  @IsIn(CURRENCY_CODES, { message: 'must be an ISO 4217 currency code Bridges accepts (e.g. EUR, PLN, UAH)' })
  currency: CurrencyCode;
}

export class CreatePledgeDto {
  @ApiPropertyOptional({
    description: 'The pledging EU municipality: an officer their own; a coordinator names it',
  })
  @IsOptional()
  @IsUUID()
  euMunicipalityId?: string;

  @ApiProperty({ type: [PledgeLineDto] })
  @ValidateNested({ each: true })
  @Type(() => PledgeLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: PledgeLineDto[];

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  declaredValue?: MoneyDto;

  @ApiPropertyOptional({ description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    example: 'Association of Local Authorities in Lithuania',
    description: 'Coordinators only: the association that brokered this aid on the municipality’s behalf',
  })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  brokeredBy?: string;
}
