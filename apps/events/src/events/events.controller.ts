import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  UseFilters,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiIfMatch,
  CurrentUser,
  requiredVersion,
  Role,
  Roles,
  StaleVersionFilter,
  type AuthenticatedUser,
  type Page,
} from '@bridges/platform';
import { ChangeEventStatusDto } from './dto/change-event-status.dto';
import { CreateEventDto } from './dto/create-event.dto';
import { InviteMunicipalityDto } from './dto/invite-municipality.dto';
import { ListEventsDto } from './dto/list-events.dto';
import { SetQuotaDto } from './dto/quota.dto';
import { UpdateEventDto } from './dto/update-event.dto';
import type { EventView } from './event.mapper';
import { EventsService } from './events.service';

/** Events: drafted, published, changed, closed, held or cancelled by coordinators; seen by officers. */
@ApiTags('events')
@Controller('events')
@UseFilters(StaleVersionFilter)
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles(Role.EventsCoordinator)
  @ApiOperation({ summary: 'Draft an event (with quotas and invitations)' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateEventDto): Promise<EventView> {
    return this.events.create(user, dto);
  }

  @Get()
  @Roles(Role.EventsCoordinator, Role.MunicipalityOfficer)
  @ApiOperation({
    summary: 'Events: all for coordinators; for officers, published ones open to them or their municipality',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListEventsDto): Promise<Page<EventView>> {
    return this.events.list(user, query);
  }

  // No ETag of the version here, unlike the registry and logistics: the view also carries live seat counts
  // that change without a new version, so "same version" is not "same representation" and a cache revalidating
  // with it would get 304 and show stale seats. Express's own weak ETag of the body serves caches; If-Match on
  // PATCH takes the `version` field.
  @Get(':id')
  @Roles(Role.EventsCoordinator, Role.MunicipalityOfficer)
  @ApiOperation({
    summary:
      'One event; the online link only for coordinators and officers with a confirmed participant; `version` is what a change sends in If-Match',
  })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<EventView> {
    return this.events.get(user, id);
  }

  @Patch(':id')
  @Roles(Role.EventsCoordinator)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change an event (If-Match: two coordinators cannot overwrite each other); a published one announces the change; more capacity offers seats to the waiting list',
  })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateEventDto,
  ): Promise<EventView> {
    return this.events.update(user, id, requiredVersion(ifMatch), dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(Role.EventsCoordinator)
  @ApiOperation({
    summary: 'Publish, close or reopen registration, mark held, cancel; 409 lists the allowed steps',
  })
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeEventStatusDto,
  ): Promise<EventView> {
    return this.events.changeStatus(user, id, dto);
  }

  @Put(':id/quotas')
  @Roles(Role.EventsCoordinator)
  @ApiOperation({
    summary: 'Set one quota (country, municipality or association; key "*" = each); 409 below seats held',
  })
  setQuota(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetQuotaDto,
  ): Promise<EventView> {
    return this.events.setQuota(user, id, dto);
  }

  @Post(':id/invitations')
  @HttpCode(200)
  @Roles(Role.EventsCoordinator)
  @ApiOperation({ summary: 'Invite a municipality (its officers may then register a delegation)' })
  invite(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteMunicipalityDto,
  ): Promise<EventView> {
    return this.events.invite(user, id, dto);
  }
}
