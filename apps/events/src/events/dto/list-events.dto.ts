import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EventKind, EventStatus } from '@bridges/contracts';
import { PageQueryDto } from '@bridges/platform';

export class ListEventsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(EventStatus) })
  @IsOptional()
  @IsIn(Object.values(EventStatus))
  status?: EventStatus;

  @ApiPropertyOptional({ enum: Object.values(EventKind) })
  @IsOptional()
  @IsIn(Object.values(EventKind))
  kind?: EventKind;
}
