import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AidRequestStatus } from '@bridges/contracts';
import { PageQueryDto } from '@bridges/platform';

/** Filters of the request list; an officer sees their hromada's requests and those of their partners. */
export class ListAidRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(AidRequestStatus) })
  @IsOptional()
  @IsIn(Object.values(AidRequestStatus))
  status?: AidRequestStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID() hromadaId?: string;

  @ApiPropertyOptional({ description: 'Only requests open longer than LOGISTICS_STALE_REQUEST_DAYS' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }): unknown =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  stale?: boolean;
}
