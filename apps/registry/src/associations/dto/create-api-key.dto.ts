import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Issues an ingest key for an association. */
export class CreateApiKeyDto {
  @ApiPropertyOptional({ example: 'production publisher' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
