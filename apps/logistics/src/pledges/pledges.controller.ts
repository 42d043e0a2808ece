import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { created } from '../common/created-response';
import { ApiIdempotencyKey } from '../common/idempotency-key.header';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { WithdrawPledgeDto } from './dto/withdraw-pledge.dto';
import type { PledgeView } from './pledge.view';
import { PledgesService } from './pledges.service';

/** Pledges of EU partners against request lines. */
@ApiTags('pledges')
@Roles(Role.LogisticsCoordinator, Role.MunicipalityOfficer)
@Controller()
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Post('aid-requests/:id/pledges')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'Pledge against lines (at most what is unpledged; 409 PLEDGE_EXCEEDS_UNPLEDGED otherwise). Officers of an EU ' +
      'municipality in an established or active partnership with the hromada; coordinators may record ' +
      'association-brokered aid (brokeredBy)',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) requestId: string,
    @Body() dto: CreatePledgeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeView> {
    return created(res, '/pledges', await this.pledges.create(user, requestId, dto, key));
  }

  @Get('aid-requests/:id/pledges')
  @ApiOperation({ summary: "A request's pledges (an officer sees the hromada's, or their own)" })
  listForRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) requestId: string,
  ): Promise<PledgeView[]> {
    return this.pledges.listForRequest(user, requestId);
  }

  @Get('pledges/:id')
  @ApiOperation({ summary: 'One pledge' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PledgeView> {
    return this.pledges.get(user, id);
  }

  @Post('pledges/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a pledge not yet shipped; its quantities are free again' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawPledgeDto,
  ): Promise<PledgeView> {
    return this.pledges.withdraw(user, id, dto);
  }
}
