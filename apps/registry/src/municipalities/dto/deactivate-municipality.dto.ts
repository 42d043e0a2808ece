import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of `DELETE /municipalities/:id`. */
export class DeactivateMunicipalityDto {
  @ApiPropertyOptional({ example: 'merged into another hromada' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
