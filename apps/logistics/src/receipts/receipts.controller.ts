import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { ApiIdempotencyKey } from '../common/idempotency-key.header';
import { CreateReceiptDto } from './dto/create-receipt.dto';
import type { ReceiptView } from './receipt.view';
import { ReceiptsService } from './receipts.service';

/** Goods received notes: one per shipment. */
@ApiTags('receipts')
@Roles(Role.LogisticsCoordinator, Role.MunicipalityOfficer)
@Controller('shipments/:id/receipt')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'The hromada confirms what arrived, per line (short, over, damaged); closes the shipment; 409 when it has one',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) shipmentId: string,
    @Body() dto: CreateReceiptDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptView> {
    const result = await this.receipts.create(user, shipmentId, dto, key);
    res.setHeader('Location', `/shipments/${shipmentId}/receipt`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: "The shipment's goods received note" })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) shipmentId: string,
  ): Promise<ReceiptView> {
    return this.receipts.get(user, shipmentId);
  }
}
