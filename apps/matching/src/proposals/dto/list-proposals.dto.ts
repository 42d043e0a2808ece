import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@bridges/platform';
import { ProposalStatus } from '../proposal.entity';

/** Filters of the proposal list; an officer sees only proposals of their own municipality. */
export class ListProposalsDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;

  @ApiPropertyOptional({ enum: Object.values(ProposalStatus) })
  @IsOptional()
  @IsIn(Object.values(ProposalStatus))
  status?: ProposalStatus;

  @ApiPropertyOptional({ description: 'Hromada or EU municipality on either side' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() roundId?: string;
}
