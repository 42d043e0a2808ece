import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProposalDecision } from '@bridges/contracts';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import type { Page } from '@bridges/platform';
import { DecideProposalDto } from './dto/decide-proposal.dto';
import { ListProposalsDto } from './dto/list-proposals.dto';
import type { ProposalEntity } from './proposal.entity';
import { ProposalsService, type DecisionResult } from './proposals.service';

/** Proposals with their explanations, and each side's decision. */
@ApiTags('proposals')
@Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @ApiOperation({
    summary: 'Proposals by campaign, status, round or municipality, with the factor breakdown',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListProposalsDto,
  ): Promise<Page<ProposalEntity>> {
    return this.proposals.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One proposal and why it was made' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProposalEntity> {
    return this.proposals.get(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept for one side; the second acceptance establishes the partnership' })
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideProposalDto,
  ): Promise<DecisionResult> {
    return this.proposals.decide(user, id, ProposalDecision.Accepted, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline for one side; closes the proposal' })
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideProposalDto,
  ): Promise<DecisionResult> {
    return this.proposals.decide(user, id, ProposalDecision.Declined, dto);
  }
}
