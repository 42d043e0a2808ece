import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { LANGUAGE_CODES, SECTOR_IDS } from '@bridges/contracts/vocabulary';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

/** Region: oblast for Ukraine, NUTS 3 for the EU. */
export class RegionDto {
  @ApiPropertyOptional({ example: 'UA05000000000010236', description: 'Oblast KATOTTG code or NUTS code' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(32)
  code?: string;

  @ApiProperty({ example: 'Вінницька область', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  name: string;
}

/** Coordinates of the administrative (or population-weighted) centre. */
export class GeoPointDto {
  @ApiProperty({ example: 49.23 }) @IsLatitude() lat: number;
  @ApiProperty({ example: 28.47 }) @IsLongitude() lon: number;
}

/** A sector from the controlled vocabulary plus free text. */
export class SectorStatementDto {
  @ApiProperty({ enum: SECTOR_IDS, example: 'water-supply' })
  @IsIn(SECTOR_IDS, {
    message: 'must be a sector id of the vocabulary (libs/contracts/src/vocabulary/sectors.ts)',
  })
  sector: string;

  @ApiPropertyOptional({ example: 'Two pumping stations need replacing', description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

/** War impact of a hromada; leave a flag out when it is not known. */
export class WarImpactDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hostsDisplacedPeople?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() damaged?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() formerlyOccupied?: boolean;
}

/** A contact person. On update, send `contactId` to keep an existing contact; leave it out to add one. */
export class ContactDto {
  @ApiPropertyOptional({ description: 'Existing contact id (updates only)' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ example: 'Olena Kovalenko', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty({ message: 'must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Head of international cooperation', description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiProperty({ example: 'olena@example.org' }) @NormalizedText() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ example: '+380 44 000 0000' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ enum: LANGUAGE_CODES, example: 'uk' })
  @IsIn(LANGUAGE_CODES, { message: 'must be an ISO 639-1 code of the language vocabulary' })
  preferredLanguage: string;
}
