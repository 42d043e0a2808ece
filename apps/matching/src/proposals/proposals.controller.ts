import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProposalDecision } from '@bridges/contracts';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { MunicipalitySummaries } from '../municipality-summaries/municipality-summaries.service';
import { partyIds } from '../partnerships/partnership.view';
import { DecideProposalDto } from './dto/decide-proposal.dto';
import { ListProposalsDto } from './dto/list-proposals.dto';
import { DecisionResponseDto, ProposalPageDto, ProposalResponseDto } from './dto/proposal-response.dto';
import { toDecisionView, toProposalView } from './proposal.view';
import { ProposalsService } from './proposals.service';

/** Proposals with their explanations and both sides named, and each side's decision. */
@ApiTags('proposals')
@Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly summaries: MunicipalitySummaries,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Proposals by campaign, status, round or municipality, with the factor breakdown',
  })
  @ApiOkResponse({ type: ProposalPageDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListProposalsDto,
  ): Promise<ProposalPageDto> {
    const page = await this.proposals.list(user, query);
    const parties = await this.summaries.byIds(partyIds(page.items));
    return { ...page, items: page.items.map((p) => toProposalView(p, parties)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One proposal, who its two sides are, and why it was made' })
  @ApiOkResponse({ type: ProposalResponseDto })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProposalResponseDto> {
    const p = await this.proposals.get(user, id);
    return toProposalView(p, await this.summaries.byIds(partyIds([p])));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept for one side; the second acceptance establishes the partnership' })
  @ApiOkResponse({ type: DecisionResponseDto })
  async accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideProposalDto,
  ): Promise<DecisionResponseDto> {
    const result = await this.proposals.decide(user, id, ProposalDecision.Accepted, dto);
    return toDecisionView(result, await this.summaries.byIds(partyIds([result.proposal])));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline for one side; closes the proposal' })
  @ApiOkResponse({ type: DecisionResponseDto })
  async decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideProposalDto,
  ): Promise<DecisionResponseDto> {
    const result = await this.proposals.decide(user, id, ProposalDecision.Declined, dto);
    return toDecisionView(result, await this.summaries.byIds(partyIds([result.proposal])));
  }
}
