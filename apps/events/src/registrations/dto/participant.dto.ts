import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LANGUAGE_CODES, type LanguageCode } from '@bridges/contracts';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

/** A minor's guardian, who must have consented for the child to take part. */
export class GuardianDto {
  @ApiProperty({ description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'Phone or email the organisers can reach the guardian at' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  contact: string;

  @ApiProperty({ description: 'The guardian consented (recorded with its time)', example: true })
  @Equals(true, { message: 'must be true: a minor takes part only with the guardian’s consent' })
  consentGiven: true;
}

/** One person of a registration. */
export class ParticipantDto {
  @ApiProperty({ example: 'Olena Kovalenko', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Head of international relations' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  roleTitle?: string;

  @ApiProperty({ enum: LANGUAGE_CODES, description: 'Working language, and the language of their emails' })
  @IsIn(LANGUAGE_CODES)
  language: LanguageCode;

  @ApiPropertyOptional() @IsOptional() @NormalizedText() @IsString() @MaxLength(500) dietaryNeeds?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(500)
  accessibilityNeeds?: string;

  @ApiPropertyOptional({
    example: ['2027-03-09', '2027-03-10'],
    description: 'Nights of accommodation (YYYY-MM-DD)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each night must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true })
  @ArrayMaxSize(31)
  @ArrayUnique()
  accommodationNights?: string[];

  @ApiPropertyOptional({ enum: LANGUAGE_CODES, description: 'Interpretation needed into this language' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  interpretationInto?: LanguageCode;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isMinor?: boolean;

  @ApiPropertyOptional({ type: GuardianDto, description: 'Required for a minor' })
  @ValidateIf((p: ParticipantDto) => p.isMinor === true || p.guardian !== undefined)
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;
}
