import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, Role, Roles, type Page } from '@bridges/platform';
import {
  IngestedEventPageDto,
  IngestRejectionPageDto,
  RetryingEventResponseDto,
} from './dto/ingested-event-response.dto';
import { IngestRejectionsService, type IngestRejectionView } from './ingest-rejections.service';
import {
  IngestedEventsService,
  type IngestedEventView,
  type RetryingEventView,
} from './ingested-events.service';

/** The association events the registry consumed or refused, for registry coordinators to follow. */
@ApiTags('ingested-events')
@Controller('ingested-events')
@Roles(Role.RegistryCoordinator)
export class IngestedEventsController {
  constructor(
    private readonly events: IngestedEventsService,
    private readonly rejections: IngestRejectionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Association events applied, newest first (signed ingest or Kafka); refused ones are at /ingested-events/rejected',
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

  @Get('rejected')
  @ApiOperation({
    summary:
      'Association events refused, newest first: POST /ingest refusals (400, 401, 403, 409) and records the consumer dead-lettered; the last 30 days, at most 10,000',
  })
  @ApiOkResponse({ type: IngestRejectionPageDto })
  rejected(@Query() page: PageQueryDto): Promise<Page<IngestRejectionView>> {
    return this.rejections.recent(page.limit, page.offset);
  }
}
