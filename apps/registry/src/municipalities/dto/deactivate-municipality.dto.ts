import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NORMALIZED_TEXT_NOTE, NormalizedText } from '@bridges/platform';

/** Query of `DELETE /municipalities/:id`. */
export class DeactivateMunicipalityDto {
  @ApiPropertyOptional({ example: 'merged into another hromada', description: NORMALIZED_TEXT_NOTE })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
