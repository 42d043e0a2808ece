import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { EACH_KEY, QuotaDimension } from '../event-quota.entity';

/** Country codes are upper case, ids lower case: one spelling per key, so a quota cannot be dodged by case. */
export function normaliseQuotaKey(dimension: unknown, key: unknown): unknown {
  if (typeof key !== 'string') return key;
  return dimension === QuotaDimension.Country ? key.toUpperCase() : key.toLowerCase();
}

/** Key of a quota: a country code, a municipality or association id, or `*` for "each one". */
export const QUOTA_KEY = /^(\*|[A-Z]{2}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** One quota rule: at most `seats` seats for one key of a dimension (or for each key, with `*`). */
export class QuotaDto {
  @ApiProperty({ enum: Object.values(QuotaDimension) })
  @IsIn(Object.values(QuotaDimension))
  dimension: QuotaDimension;

  @ApiProperty({
    example: 'PL',
    description: `Country code (ISO 3166-1 alpha-2), municipality or association id, or "${EACH_KEY}" for each of them`,
  })
  @Transform(({ value, obj }: { value: unknown; obj: { dimension?: unknown } }) =>
    normaliseQuotaKey(obj.dimension, value),
  )
  @IsString()
  @Matches(QUOTA_KEY, { message: 'must be a country code, a UUID, or "*"' })
  key: string;

  @ApiProperty({ example: 150 }) @IsInt() @Min(0) @Max(100_000) seats: number;
}

/** Body of `PUT /events/:id/quotas`: one rule set or changed. */
export class SetQuotaDto extends QuotaDto {}
