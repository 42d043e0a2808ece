import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import type { Page } from '@bridges/platform';
import { ListRoundsDto } from './dto/list-rounds.dto';
import { RoundPageDto, RoundResponseDto } from './dto/round.response.dto';
import { StartRoundDto } from './dto/start-round.dto';
import type { MatchingRoundEntity } from './matching-round.entity';
import { RoundsService } from './rounds.service';

/** Global matching rounds and their progress. */
@ApiTags('rounds')
@Roles(Role.MatchingCoordinator)
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post('campaigns/:campaignId/rounds')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a global round (runs once across instances); poll GET /rounds/:id for progress',
  })
  @ApiAcceptedResponse({ type: RoundResponseDto })
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
    @Body() dto: StartRoundDto,
  ): Promise<MatchingRoundEntity> {
    return this.rounds.request(user, campaignId, dto.roundId);
  }

  @Get('rounds')
  @ApiOperation({ summary: 'Rounds, newest first, with status and progress' })
  @ApiOkResponse({ type: RoundPageDto })
  list(@Query() query: ListRoundsDto): Promise<Page<MatchingRoundEntity>> {
    return this.rounds.list(query);
  }

  @Get('rounds/:id')
  @ApiOperation({ summary: 'One round: status, phase, done/total, result totals' })
  @ApiOkResponse({ type: RoundResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<MatchingRoundEntity> {
    return this.rounds.get(id);
  }
}
