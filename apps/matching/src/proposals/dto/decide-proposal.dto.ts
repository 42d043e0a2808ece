import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PartnershipTrack, ProposalSide } from '@bridges/contracts';

/** Accepts or declines a proposal for one side. */
export class DecideProposalDto {
  /** Required for a coordinator acting on a side's behalf; an officer's side follows from their token. */
  @ApiPropertyOptional({ enum: Object.values(ProposalSide) })
  @IsOptional()
  @IsIn(Object.values(ProposalSide))
  side?: ProposalSide;

  @ApiPropertyOptional({ example: 'Our council prefers a partner nearer the border' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  /** Track of the partnership if this acceptance completes it; formal by default. */
  @ApiPropertyOptional({ enum: Object.values(PartnershipTrack), default: PartnershipTrack.Formal })
  @IsOptional()
  @IsIn(Object.values(PartnershipTrack))
  track?: PartnershipTrack;
}
