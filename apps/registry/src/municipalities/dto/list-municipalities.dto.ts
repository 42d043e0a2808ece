import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SECTOR_IDS, SETTLEMENT_TYPES } from '@bridges/contracts/vocabulary';
import { IsMunicipalityCountry, MUNICIPALITY_COUNTRY_DOC } from './municipality-country.decorator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Filters, search and page of `GET /municipalities`. */
export class ListMunicipalitiesDto {
  @ApiPropertyOptional(MUNICIPALITY_COUNTRY_DOC) @IsOptional() @IsMunicipalityCountry() country?: string;
  @ApiPropertyOptional({ description: 'Region code (oblast KATOTTG or NUTS 3)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  region?: string;

  @ApiPropertyOptional({ enum: SETTLEMENT_TYPES }) @IsOptional() @IsIn(SETTLEMENT_TYPES) type?: string;
  @ApiPropertyOptional({ enum: SECTOR_IDS, description: 'In sectors, needs or offers' })
  @IsOptional()
  @IsIn(SECTOR_IDS)
  sector?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  seekingPartner?: boolean;

  @ApiPropertyOptional({ description: 'Include deactivated profiles' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  includeInactive?: boolean;

  @ApiPropertyOptional({
    description: 'Words of the name, in Cyrillic or Latin script (prefix match)',
    example: 'Vinn',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
