import { ApiProperty } from '@nestjs/swagger';
import { ProposalDecision, ProposalMode } from '@bridges/contracts';
import { MunicipalitySummaryDto } from '../../municipality-summaries/dto/municipality-summary.dto';
import { PartnershipResponseDto } from '../../partnerships/dto/partnership-response.dto';
import { ProposalStatus } from '../proposal.entity';

/** One factor of the "why this match". */
export class ProposalFactorDto {
  @ApiProperty({ example: 'sector-fit' }) factor: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty() weight: number;
  @ApiProperty() explanation: string;
}

/** A proposal as the API shows it: both sides named, the explanation, each side's decision. */
export class ProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) hromadaId: string;
  @ApiProperty({ format: 'uuid' }) euMunicipalityId: string;
  @ApiProperty({ type: MunicipalitySummaryDto, nullable: true, description: 'Who the hromada is' })
  hromada: MunicipalitySummaryDto | null;
  @ApiProperty({
    type: MunicipalitySummaryDto,
    nullable: true,
    description: 'Who the EU municipality is',
  })
  euMunicipality: MunicipalitySummaryDto | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ description: '1 = best candidate for this hromada in its computation' }) rank: number;
  @ApiProperty({ enum: Object.values(ProposalMode) }) mode: ProposalMode;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) roundId: string | null;
  @ApiProperty({ type: [ProposalFactorDto] }) factors: ProposalFactorDto[];
  @ApiProperty({ enum: Object.values(ProposalStatus) }) status: ProposalStatus;
  @ApiProperty({ enum: Object.values(ProposalDecision), nullable: true })
  hromadaDecision: ProposalDecision | null;
  @ApiProperty({ type: String, nullable: true }) hromadaDecidedBy: string | null;
  @ApiProperty({ enum: Object.values(ProposalDecision), nullable: true })
  euDecision: ProposalDecision | null;
  @ApiProperty({ type: String, nullable: true }) euDecidedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined or withdrawn' })
  closedReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

/** One page of `GET /proposals`. */
export class ProposalPageDto {
  @ApiProperty({ type: [ProposalResponseDto] }) items: ProposalResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** The outcome of one side's decision; `partnership` is set by the second acceptance. */
export class DecisionResponseDto {
  @ApiProperty({ type: ProposalResponseDto }) proposal: ProposalResponseDto;
  @ApiProperty({ type: PartnershipResponseDto, nullable: true })
  partnership: PartnershipResponseDto | null;
}
