import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
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
import { LANGUAGE_CODES, SECTOR_IDS, SETTLEMENT_TYPES } from '@bridges/contracts/vocabulary';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { IsMunicipalityCountry, MUNICIPALITY_COUNTRY_DOC } from './municipality-country.decorator';
import { ContactDto, GeoPointDto, RegionDto, SectorStatementDto, WarImpactDto } from './profile-parts.dto';

/**
 * Registers a Ukrainian hromada (`country: UA`) or an EU municipality. Text fields are stored
 * trimmed and in Unicode NFC ({@link NormalizedText}); a blank required name is a 400.
 */
export class CreateMunicipalityDto {
  @ApiProperty(MUNICIPALITY_COUNTRY_DOC)
  @IsMunicipalityCountry()
  country: string;

  @ApiProperty({
    example: 'UA05020030000031457',
    description: 'KATOTTG for Ukraine; GISCO id (<CC>_<LAU>) or LAU code for the EU',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { message: 'must be 1-32 letters, digits, "_", "." or "-"' })
  officialCode: string;

  @ApiProperty({ example: 'Агрономічна сільська громада', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  nameNative: string;

  @ApiPropertyOptional({
    description: `Defaults to the official 2010 transliteration for Ukraine, to nameNative for the EU. ${NORMALIZED_TEXT_NOTE}`,
  })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  nameLatin?: string;

  @ApiProperty({ type: RegionDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => RegionDto)
  region: RegionDto;

  @ApiProperty({
    enum: SETTLEMENT_TYPES,
    description: 'urban|settlement|rural for Ukraine, city|town|rural for the EU',
  })
  @IsIn(SETTLEMENT_TYPES)
  settlementType: string;

  @ApiPropertyOptional({ example: 12000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50_000_000)
  population?: number;
  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2100)
  populationYear?: number;
  @ApiPropertyOptional({ example: 231.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  areaKm2?: number;
  @ApiPropertyOptional({ type: GeoPointDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;

  @ApiPropertyOptional({ enum: SECTOR_IDS, isArray: true, description: 'Sectors of development' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsIn(SECTOR_IDS, { each: true, message: 'each value must be a sector id of the vocabulary' })
  sectors?: string[];

  @ApiPropertyOptional({
    type: [SectorStatementDto],
    description: 'Ukraine only: what the hromada asks partners for',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectorStatementDto)
  needs?: SectorStatementDto[];

  @ApiPropertyOptional({
    type: [SectorStatementDto],
    description: 'EU only: what the municipality can offer',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectorStatementDto)
  offers?: SectorStatementDto[];

  @ApiPropertyOptional({
    type: [String],
    description: `Free-text development priorities. ${NORMALIZED_TEXT_NOTE}`,
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @NormalizedText()
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each value must not be blank' })
  @MaxLength(500, { each: true })
  priorities?: string[];

  @ApiPropertyOptional({ enum: LANGUAGE_CODES, isArray: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(LANGUAGE_CODES, {
    each: true,
    message: 'each value must be an ISO 639-1 code of the language vocabulary',
  })
  workingLanguages?: string[];

  @ApiPropertyOptional({ example: 2, description: 'EU only: how many more partnerships it can take on' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  partnershipCapacity?: number;

  @ApiPropertyOptional({ type: [String], description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @ArrayMaxSize(200)
  @NormalizedText()
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each value must not be blank' })
  @MaxLength(200, { each: true })
  internationalPartners?: string[];

  @ApiPropertyOptional({ type: WarImpactDto, description: 'Ukraine only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WarImpactDto)
  warImpact?: WarImpactDto;

  @ApiPropertyOptional({ description: 'Defaults to true for hromadas, false for EU municipalities' })
  @IsOptional()
  @IsBoolean()
  seekingPartner?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;

  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}
