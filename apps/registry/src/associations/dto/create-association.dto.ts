import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';
import {
  IsMunicipalityCountry,
  MUNICIPALITY_COUNTRY_DOC,
} from '../../municipalities/dto/municipality-country.decorator';

/** Registers an association of local government that will publish events. */
export class CreateAssociationDto {
  @ApiProperty({ example: 'Association of Polish Cities', description: NORMALIZED_TEXT_NOTE })
  @NormalizedText()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({
    ...MUNICIPALITY_COUNTRY_DOC,
    description: `${MUNICIPALITY_COUNTRY_DOC.description} Absent for a European association.`,
  })
  @IsOptional()
  @IsMunicipalityCountry()
  country?: string;
}
