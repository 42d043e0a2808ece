import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

/** Issues an ingest key for an association. */
export class CreateApiKeyDto {
  @ApiPropertyOptional({ example: 'production publisher', description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(100)
  label?: string;
}
