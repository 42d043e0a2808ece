import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PartnershipStatus } from '@bridges/contracts';
import { PageQueryDto } from '@bridges/platform';

/** Filters of the partnership list; an officer sees only partnerships of their own municipality. */
export class ListPartnershipsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(PartnershipStatus) })
  @IsOptional()
  @IsIn(Object.values(PartnershipStatus))
  status?: PartnershipStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() municipalityId?: string;
}
