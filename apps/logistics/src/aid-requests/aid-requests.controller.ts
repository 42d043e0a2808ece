import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiIfMatch,
  CurrentUser,
  etagOf,
  requiredVersion,
  Role,
  Roles,
  StaleVersionFilter,
  type AuthenticatedUser,
  type Page,
} from '@bridges/platform';
import { created } from '../common/created-response';
import { ApiIdempotencyKey } from '../common/idempotency-key.header';
import { InvalidTransitionFilter } from '../common/invalid-transition.filter';
import type { AidRequestView } from './aid-request.view';
import { AidRequestsService } from './aid-requests.service';
import { ChangeAidRequestStatusDto } from './dto/change-aid-request-status.dto';
import { CreateAidRequestDto } from './dto/create-aid-request.dto';
import { ListAidRequestsDto } from './dto/list-aid-requests.dto';

/** Aid requests of hromadas, for the hromada, its partners and coordinators. */
@ApiTags('aid requests')
@Roles(Role.LogisticsCoordinator, Role.MunicipalityOfficer)
@UseFilters(InvalidTransitionFilter, StaleVersionFilter)
@Controller('aid-requests')
export class AidRequestsController {
  constructor(private readonly requests: AidRequestsService) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "Post a hromada's aid request (published to its partners unless publish: false)" })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateAidRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AidRequestView> {
    return created(res, '/aid-requests', await this.requests.create(user, dto, key));
  }

  @Get()
  @ApiOperation({ summary: "Requests: an officer sees their hromada's and their partners' published ones" })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListAidRequestsDto,
  ): Promise<Page<AidRequestView>> {
    return this.requests.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One request with its lines (quantity, pledged, unpledged, received); ETag = version',
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AidRequestView> {
    const view = await this.requests.get(user, id);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Publish a draft (open), close or cancel; 409 lists the allowed steps' })
  async changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ChangeAidRequestStatusDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AidRequestView> {
    const view = await this.requests.changeStatus(user, id, requiredVersion(ifMatch), dto);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
