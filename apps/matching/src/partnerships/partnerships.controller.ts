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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import type { Page } from '@bridges/platform';
import { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import { ChangePartnershipTrackDto } from './dto/change-partnership-track.dto';
import { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { InvalidTransitionFilter } from './invalid-transition.filter';
import type { PartnershipEntity } from './partnership.entity';
import { PartnershipsService, type PartnershipWithHistory } from './partnerships.service';

/** Partnerships, their history and their lifecycle. */
@ApiTags('partnerships')
@Roles(Role.MatchingCoordinator, Role.MunicipalityOfficer)
@UseFilters(InvalidTransitionFilter)
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships by status, campaign or municipality' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListPartnershipsDto,
  ): Promise<Page<PartnershipEntity>> {
    return this.partnerships.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership with its history and the transitions allowed now' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PartnershipWithHistory> {
    return this.partnerships.get(user, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Lifecycle step: active (agreement signed), dormant, active again, ended; 409 lists the allowed steps',
  })
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangePartnershipStatusDto,
  ): Promise<PartnershipWithHistory> {
    return this.partnerships.changeStatus(user, id, dto);
  }

  @Post(':id/track')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch between the formal and the solidarity track' })
  changeTrack(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangePartnershipTrackDto,
  ): Promise<PartnershipWithHistory> {
    return this.partnerships.changeTrack(user, id, dto);
  }
}
