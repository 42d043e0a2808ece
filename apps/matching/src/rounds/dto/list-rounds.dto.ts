import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@bridges/platform';

/** Filters of the round list. */
export class ListRoundsDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
}
