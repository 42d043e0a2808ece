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
import { NotBelow } from '@bridges/platform';
import { IsMunicipalityCountry, MUNICIPALITY_COUNTRY_DOC } from './municipality-country.decorator';

/** What `GET /municipalities` sorts by: the Latin name, the name in its own script, the population. */
export const MUNICIPALITY_SORTS = ['name', 'nameNative', 'population'] as const;
export type MunicipalitySort = (typeof MUNICIPALITY_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;

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

  @ApiPropertyOptional({
    description:
      'Has at least one registry-confirmed international partner (true) or none (false): the partners the ' +
      'registry holds, not matching partnerships',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  hasPartner?: boolean;

  @ApiPropertyOptional({
    description: 'Population at least this (profiles without a population are left out)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  populationMin?: number;

  @ApiPropertyOptional({ description: 'Population at most this (not less than populationMin)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  @NotBelow('populationMin')
  populationMax?: number;

  @ApiPropertyOptional({
    enum: MUNICIPALITY_SORTS,
    default: 'name',
    description: 'name: the Latin name; nameNative: the name in its own script; population (unknown last)',
  })
  @IsOptional()
  @IsIn(MUNICIPALITY_SORTS)
  sort?: MunicipalitySort;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: (typeof SORT_ORDERS)[number];

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
