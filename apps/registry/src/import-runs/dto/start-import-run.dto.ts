import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { EU_COUNTRY_CODES } from '@bridges/contracts/vocabulary';

/** `POST /import-runs`: which of the data sets shipped in `data/` to import. */
export class StartImportRunDto {
  @ApiPropertyOptional({
    description: 'Import every hromada (KSE data hub) with the strategy goals',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  hromadas?: boolean;

  @ApiPropertyOptional({
    description: 'EU countries whose municipalities (EDJNet LAU 2020) to import; Greece is GR',
    enum: EU_COUNTRY_CODES,
    isArray: true,
    example: ['LU'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(EU_COUNTRY_CODES.length)
  @IsIn(EU_COUNTRY_CODES, { each: true, message: 'each value must be an EU country code (ISO 3166-1)' })
  countries?: string[];
}
