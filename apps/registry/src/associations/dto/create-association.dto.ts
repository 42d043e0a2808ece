import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COUNTRY_CODES } from '@bridges/contracts/vocabulary';

/** Registers an association of local government that will publish events. */
export class CreateAssociationDto {
  @ApiProperty({ example: 'Association of Polish Cities' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({ enum: COUNTRY_CODES, description: 'Absent for a European association' })
  @IsOptional()
  @IsIn(COUNTRY_CODES)
  country?: string;
}
