import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, Role, Roles, type Page } from '@bridges/platform';
import { IngestedEventPageDto, RetryingEventResponseDto } from './dto/ingested-event-response.dto';
import {
  IngestedEventsService,
  type IngestedEventView,
  type RetryingEventView,
} from './ingested-events.service';

/** The association events the registry consumed, for registry coordinators to follow. */
@ApiTags('ingested-events')
@Controller('ingested-events')
@Roles(Role.RegistryCoordinator)
export class IngestedEventsController {
  constructor(private readonly events: IngestedEventsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Association events applied, newest first (signed ingest or Kafka); dead-lettered ones are on associations.inbound.v1.dlq, not here',
  })
  @ApiOkResponse({ type: IngestedEventPageDto })
  recent(@Query() page: PageQueryDto): Promise<Page<IngestedEventView>> {
    return this.events.recent(page.limit, page.offset);
  }

  @Get('retrying')
  @ApiOperation({ summary: 'Inbound records failing now and being retried (at most 100, newest first)' })
  @ApiOkResponse({ type: [RetryingEventResponseDto] })
  retrying(): Promise<RetryingEventView[]> {
    return this.events.retrying();
  }
}
