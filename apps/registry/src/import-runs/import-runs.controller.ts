import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorrelationContext,
  CurrentUser,
  PageQueryDto,
  Role,
  Roles,
  type AuthenticatedUser,
  type Page,
} from '@bridges/platform';
import { ImportRunPageDto, ImportRunResponseDto, ImportRunSourcesDto } from './dto/import-run-response.dto';
import { StartImportRunDto } from './dto/start-import-run.dto';
import type { ImportRunSources } from './import-run.entity';
import { ImportRunsService } from './import-runs.service';
import type { ImportRunView } from './import-run.view';
import { shippedSources } from './shipped-import-plan';

/** Imports of the shipped data, started and followed by registry coordinators. */
@ApiTags('import-runs')
@Controller('import-runs')
@Roles(Role.RegistryCoordinator)
export class ImportRunsController {
  constructor(private readonly runs: ImportRunsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Start importing the shipped data (hromadas and/or EU countries) in the background; 409 IMPORT_RUN_IN_PROGRESS while another run is running',
  })
  @ApiAcceptedResponse({
    type: ImportRunResponseDto,
    description: 'Started; follow it at GET /import-runs/:id',
  })
  start(@Body() dto: StartImportRunDto, @CurrentUser() user: AuthenticatedUser): Promise<ImportRunView> {
    return this.runs.start(dto, user, { correlationId: CorrelationContext.current() });
  }

  @Get()
  @ApiOperation({ summary: 'Import runs, newest first' })
  @ApiOkResponse({ type: ImportRunPageDto })
  list(@Query() page: PageQueryDto): Promise<Page<ImportRunView>> {
    return this.runs.list(page.limit, page.offset);
  }

  @Get('sources')
  @ApiOperation({ summary: 'What this installation ships to import: the hromadas, and which EU countries' })
  @ApiOkResponse({ type: ImportRunSourcesDto })
  sources(): Promise<ImportRunSources> {
    return shippedSources();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One import run: status, progress, counts, the first rejected rows' })
  @ApiOkResponse({ type: ImportRunResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportRunView> {
    return this.runs.get(id);
  }
}
