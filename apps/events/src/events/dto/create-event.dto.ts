import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventFormat, EventKind, LANGUAGE_CODES, type LanguageCode } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import { IsTimeZone } from '../../common/is-time-zone.decorator';
import { EventAccess, OrganiserType } from '../event.entity';
import { QuotaDto } from './quota.dto';

export class LocationDto {
  @ApiProperty({ example: 52.2297 }) @IsLatitude() lat: number;
  @ApiProperty({ example: 21.0122 }) @IsLongitude() lon: number;
}

/** A new event, created as a draft. */
export class CreateEventDto {
  @ApiProperty({ enum: Object.values(EventKind) }) @IsIn(Object.values(EventKind)) kind: EventKind;

  @ApiProperty({ example: 'Форум солідарності Польща–Україна', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  titleUk: string;

  @ApiProperty({ example: 'Poland–Ukraine Solidarity Forum', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  titleEn: string;

  @ApiPropertyOptional({ description: `Title in the host's language. ${NORMALIZED_TEXT_NOTE}` })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  titleHost?: string;

  @ApiPropertyOptional({ enum: LANGUAGE_CODES })
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  hostLanguage?: LanguageCode;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(10_000)
  descriptionUk?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(10_000)
  descriptionEn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(10_000)
  descriptionHost?: string;

  @ApiProperty({ enum: Object.values(OrganiserType) })
  @IsIn(Object.values(OrganiserType))
  organiserType: OrganiserType;

  @ApiPropertyOptional({ description: 'The organising association or municipality' })
  @IsOptional()
  @IsUUID()
  organiserId?: string;

  @ApiProperty({ enum: Object.values(EventFormat) }) @IsIn(Object.values(EventFormat)) format: EventFormat;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  venue?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({
    description: 'https link of the online meeting; shown only to confirmed participants',
  })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  onlineLink?: string;

  @ApiProperty({ example: '2027-03-10T09:00:00+01:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T17:00:00+01:00' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ example: 'Europe/Warsaw' }) @IsTimeZone() timeZone: string;

  @ApiProperty({ enum: LANGUAGE_CODES, isArray: true, example: ['uk', 'pl', 'en'] })
  @IsIn(LANGUAGE_CODES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  workingLanguages: LanguageCode[];

  @ApiPropertyOptional({ enum: LANGUAGE_CODES, isArray: true, description: 'Interpretation provided into' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { each: true })
  @ArrayMaxSize(10)
  @ArrayUnique()
  interpretationLanguages?: LanguageCode[];

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) registrationOpensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) registrationClosesAt?: string;

  @ApiProperty({ example: 400 }) @IsInt() @Min(1) @Max(100_000) capacity: number;
  @ApiProperty() @IsBoolean() approvalRequired: boolean;
  @ApiProperty({ enum: Object.values(EventAccess) }) @IsIn(Object.values(EventAccess)) access: EventAccess;

  @ApiPropertyOptional({
    description: 'Hours a freed seat is held for the person offered it (default: EVENTS_OFFER_HOLD_HOURS)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  offerHoldHours?: number;

  @ApiPropertyOptional({ type: [QuotaDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  @ArrayMaxSize(500)
  quotas?: QuotaDto[];

  @ApiPropertyOptional({ description: 'Municipalities invited (invitation-only events)' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  @ArrayUnique()
  invitedMunicipalityIds?: string[];
}
