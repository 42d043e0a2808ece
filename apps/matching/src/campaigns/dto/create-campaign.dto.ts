import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NotBelow } from '@bridges/platform';
import { FACTOR_KEYS, type FactorKey } from '../../scoring/campaign';

/** Which EU municipalities may be proposed; absent fields do not restrict. */
export class EuEligibilityDto {
  @ApiPropertyOptional({ example: ['EE', 'LT', 'LV', 'PL', 'SK'] })
  @IsOptional()
  @IsISO31661Alpha2({ each: true })
  @ArrayMaxSize(40)
  countries?: string[];

  @ApiPropertyOptional({ example: 400 }) @IsOptional() @IsInt() @Min(0) populationMin?: number;
  @ApiPropertyOptional({ example: 50_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @NotBelow('populationMin')
  populationMax?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() excludeMetropolitan?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() requireFreeCapacity?: boolean;
}

/** Which hromadas take part; absent fields do not restrict. */
export class HromadaEligibilityDto {
  @ApiPropertyOptional({ description: 'Oblast names as the registry writes them' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(30)
  oblasts?: string[];

  @ApiPropertyOptional({ enum: ['urban', 'settlement', 'rural'], isArray: true })
  @IsOptional()
  @IsIn(['urban', 'settlement', 'rural'], { each: true })
  settlementTypes?: ('urban' | 'settlement' | 'rural')[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() withoutInternationalPartnerOnly?: boolean;
}

/** Factor weights; omitted factors keep their default (see docs/matching.md). */
export class FactorWeightsDto implements Partial<Record<FactorKey, number>> {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) sizeSimilarity?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) settlementType?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) sectorFit?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) sharedPriorities?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) languages?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) distance?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) hromadaPriority?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) euCapacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) landscape?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) prosperity?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) popularity?: number;
}

/** A new matching campaign; everything but slug and name defaults to the open campaign's settings. */
export class CreateCampaignDto {
  @ApiProperty({ example: 'baltic-2027' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'must be 2-63 lowercase letters, digits or dashes' })
  slug: string;

  @ApiProperty({ example: 'Baltic call 2027' }) @IsString() @MaxLength(200) name: string;

  @ApiPropertyOptional({ type: EuEligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EuEligibilityDto)
  euEligibility?: EuEligibilityDto;

  @ApiPropertyOptional({ type: HromadaEligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HromadaEligibilityDto)
  hromadaEligibility?: HromadaEligibilityDto;

  @ApiPropertyOptional({ type: FactorWeightsDto, description: `Keys: ${FACTOR_KEYS.join(', ')}` })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactorWeightsDto)
  weights?: FactorWeightsDto;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @IsInt() @Min(1) @Max(100) topK?: number;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  maxNewPartnersPerHromadaPerRound?: number;
  @ApiPropertyOptional({ default: 40 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  candidatesPerHromada?: number;
  @ApiPropertyOptional({ default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  candidatesPerEuMunicipality?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1) minScore?: number;
  @ApiPropertyOptional({ default: 1000 })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(20_000)
  distanceHalfScoreKm?: number;
}
