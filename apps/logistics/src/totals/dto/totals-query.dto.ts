import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@bridges/platform';
import { TotalsDimension } from '../totals.rules';

export class TotalsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: Object.values(TotalsDimension) })
  @IsIn(Object.values(TotalsDimension))
  dimension: TotalsDimension;

  @ApiPropertyOptional({
    description:
      'Partnership, hromada or EU municipality id; country code; oblast name; category id; `all`. ' +
      'Absent (coordinators): every key of the dimension, most shipments first',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string;

  @ApiPropertyOptional({
    default: 'all',
    description: '`all`, a year (2026) or a month (2026-03) of delivery',
  })
  @IsOptional()
  @Matches(/^(all|\d{4}|\d{4}-(0[1-9]|1[0-2]))$/, {
    message: 'must be all, a year like 2026 or a month like 2026-03',
  })
  period = 'all';
}
