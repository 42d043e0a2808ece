import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import { ListMunicipalitySummariesDto } from './dto/list-municipality-summaries.dto';
import { MunicipalitySummaryDto } from './dto/municipality-summary.dto';
import { MunicipalitySummaries } from './municipality-summaries.service';

/**
 * Names and centres of the municipalities matching knows (its projection of registry profiles), so
 * the console can name both sides of a proposal or partnership and draw them on the map without
 * calling the registry. Public profile data only; ids matching has not seen are left out.
 */
@ApiTags('municipalities')
@Roles(Role.MatchingCoordinator)
@Controller('municipalities')
export class MunicipalitySummariesController {
  constructor(private readonly summaries: MunicipalitySummaries) {}

  @Get()
  @ApiOperation({ summary: 'Names and centres of the given municipalities (matching coordinators)' })
  @ApiOkResponse({ type: MunicipalitySummaryDto, isArray: true })
  async list(@Query() query: ListMunicipalitySummariesDto): Promise<MunicipalitySummaryDto[]> {
    return [...(await this.summaries.byIds(query.ids)).values()];
  }
}
