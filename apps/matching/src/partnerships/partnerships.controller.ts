import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { MunicipalitySummaries } from '../municipality-summaries/municipality-summaries.service';
import { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import { ChangePartnershipTrackDto } from './dto/change-partnership-track.dto';
import { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { PartnershipDetailResponseDto, PartnershipPageDto } from './dto/partnership-response.dto';
import { InvalidTransitionFilter } from './invalid-transition.filter';
import { partyIds, toPartnershipDetailView, toPartnershipView } from './partnership.view';
import { PartnershipsService, type PartnershipWithHistory } from './partnerships.service';

/** Partnerships with both sides named, their history and their lifecycle. */
@ApiTags('partnerships')
@Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
@UseFilters(InvalidTransitionFilter)
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly summaries: MunicipalitySummaries,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships by status, campaign or municipality' })
  @ApiOkResponse({ type: PartnershipPageDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListPartnershipsDto,
  ): Promise<PartnershipPageDto> {
    const page = await this.partnerships.list(user, query);
    const parties = await this.summaries.byIds(partyIds(page.items));
    return { ...page, items: page.items.map((p) => toPartnershipView(p, parties)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership with its history and the transitions allowed now' })
  @ApiOkResponse({ type: PartnershipDetailResponseDto })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PartnershipDetailResponseDto> {
    return this.detail(await this.partnerships.get(user, id));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Lifecycle step: active (agreement signed), dormant, active again, ended; 409 lists the allowed steps',
  })
  @ApiOkResponse({ type: PartnershipDetailResponseDto })
  async changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangePartnershipStatusDto,
  ): Promise<PartnershipDetailResponseDto> {
    return this.detail(await this.partnerships.changeStatus(user, id, dto));
  }

  @Post(':id/track')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch between the formal and the solidarity track' })
  @ApiOkResponse({ type: PartnershipDetailResponseDto })
  async changeTrack(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangePartnershipTrackDto,
  ): Promise<PartnershipDetailResponseDto> {
    return this.detail(await this.partnerships.changeTrack(user, id, dto));
  }

  private async detail(p: PartnershipWithHistory): Promise<PartnershipDetailResponseDto> {
    return toPartnershipDetailView(p, await this.summaries.byIds(partyIds([p])));
  }
}
