import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Largest `offset` a list accepts: far beyond any list here (about 100,000 municipalities), and well inside
 * both an exact JavaScript integer and PostgreSQL's bigint OFFSET, so a huge value is a 400 with the field
 * named instead of a database error.
 */
export const MAX_PAGE_OFFSET = 1_000_000_000;

/** Offset pagination shared by the console's lists. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0, maximum: MAX_PAGE_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset = 0;
}

/** One page of a list and the total that matched. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
