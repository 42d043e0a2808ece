import {
  Body,
  Controller,
  Delete,
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
import { ChangeShipmentStatusDto } from './dto/change-shipment-status.dto';
import { CreateShipmentDto } from './dto/create-shipment.dto';
import { ListShipmentsDto } from './dto/list-shipments.dto';
import type { ShipmentView } from './shipment.view';
import { ShipmentsService } from './shipments.service';

/** Shipments (consignments) and their status timeline. */
@ApiTags('shipments')
@Roles(Role.LogisticsCoordinator, Role.MunicipalityOfficer)
@UseFilters(InvalidTransitionFilter, StaleVersionFilter)
@Controller('shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Prepare a shipment from pledges of one partner on one request; gets its BR- reference',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateShipmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ShipmentView> {
    return created(res, '/shipments', await this.shipments.create(user, dto, key));
  }

  @Get()
  @ApiOperation({ summary: 'Shipments; an officer sees those of their municipality (either side)' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListShipmentsDto,
  ): Promise<Page<ShipmentView>> {
    return this.shipments.list(user, query);
  }

  @Get('by-reference/:reference')
  @ApiOperation({ summary: 'Find by reference BR-YYYY-NNNNNN-C (400 names a mistyped digit or a bad shape)' })
  byReference(
    @CurrentUser() user: AuthenticatedUser,
    @Param('reference') reference: string,
  ): Promise<ShipmentView> {
    return this.shipments.getByReference(user, reference);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One shipment with lines, timeline and allowed next steps; ETag = version' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ShipmentView> {
    const view = await this.shipments.get(user, id);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'A forward step: dispatched, at-border, cleared, delivered, cancelled, returned (409 lists)',
  })
  async changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ChangeShipmentStatusDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ShipmentView> {
    const view = await this.shipments.changeStatus(user, id, requiredVersion(ifMatch), dto);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Delete(':id/driver')
  @HttpCode(204)
  @ApiOperation({ summary: "Erase the driver's name and phone (personal data, on request)" })
  eraseDriver(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.shipments.eraseDriver(user, id);
  }
}
