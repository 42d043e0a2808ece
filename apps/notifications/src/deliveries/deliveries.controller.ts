import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import type { Page } from '@bridges/platform';
import { DeliveriesService } from './deliveries.service';
import { DeliveryRetryService } from './delivery-retry.service';
import type { DeliveryView } from './delivery.view';
import { ListDeliveriesDto } from './dto/list-deliveries.dto';

/** The delivery log: every email and webhook with its state, attempts and last error. */
@ApiTags('deliveries')
@Roles(Role.NotificationsAdmin)
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly retries: DeliveryRetryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries by state, channel, recipient or source event, newest first' })
  list(@Query() query: ListDeliveriesDto): Promise<Page<DeliveryView>> {
    return this.deliveries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery with its state, attempts, next attempt and last error' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DeliveryView> {
    return this.deliveries.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send a failed or dead delivery again: queued now, sent by the dispatcher (409 in any other state)',
  })
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<DeliveryView> {
    return this.retries.retry(id);
  }
}
