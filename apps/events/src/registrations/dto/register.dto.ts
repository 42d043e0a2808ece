import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGE_CODES, type LanguageCode } from '@bridges/contracts';
import { NormalizedText } from '@bridges/platform';
import { RegistrationType } from '../registration.entity';
import { ParticipantDto } from './participant.dto';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

/** Who to write to about the registration as a whole (a delegation's head, or the person). */
export class RegistrationContactDto {
  @ApiProperty() @NormalizedText() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ enum: LANGUAGE_CODES }) @IsIn(LANGUAGE_CODES) language: LanguageCode;
}

/** A delegation (several people) or one person registering for an event. */
export class RegisterDto {
  @ApiProperty({ enum: Object.values(RegistrationType) })
  @IsIn(Object.values(RegistrationType))
  type: RegistrationType;

  @ApiProperty({
    example: 'UA',
    description: 'Country the delegation comes from (quotas per country count it)',
  })
  @Transform(upper)
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({
    description: 'The municipality sending the delegation; an officer’s own by default',
  })
  @IsOptional()
  @Transform(lower)
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ description: 'The association the delegation comes through' })
  @IsOptional()
  @Transform(lower)
  @IsUUID()
  associationId?: string;

  @ApiPropertyOptional({ type: RegistrationContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationContactDto)
  contact?: RegistrationContactDto;

  @ApiProperty({ type: [ParticipantDto], description: 'One for an individual, up to 50 for a delegation' })
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  participants: ParticipantDto[];
}
