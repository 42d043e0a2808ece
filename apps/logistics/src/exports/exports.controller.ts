import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import { toHxlCsv, type AidFlowRow } from './aid-flow.csv';
import { ExportsService } from './exports.service';

/** Open-data exports of delivered aid (no personal data), for publication by the coordinators. */
@ApiTags('exports')
@Roles(Role.LogisticsCoordinator)
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('aid-flows.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="aid-flows.csv"')
  @ApiOperation({ summary: 'Delivered aid as HXL-tagged CSV (header row, then the HXL hashtag row)' })
  async csv(): Promise<string> {
    return toHxlCsv(await this.exports.aidFlows());
  }

  @Get('aid-flows.json')
  @ApiOperation({ summary: 'Delivered aid as JSON, the same rows as the CSV' })
  json(): Promise<AidFlowRow[]> {
    return this.exports.aidFlows();
  }
}
