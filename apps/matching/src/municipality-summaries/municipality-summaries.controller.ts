import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Role, Roles } from '@bridges/platform';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { ListMunicipalitySummariesDto } from './dto/list-municipality-summaries.dto';
import { MunicipalitySummaryDto } from './dto/municipality-summary.dto';

/**
 * Names and centres of the municipalities matching knows (its projection of registry profiles), so
 * the console can name both sides of a proposal or partnership and draw them on the map without
 * calling the registry. Public profile data only; ids matching has not seen are left out.
 */
@ApiTags('municipalities')
@Roles(Role.MatchingCoordinator)
@Controller('municipalities')
export class MunicipalitySummariesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Names and centres of the given municipalities (matching coordinators)' })
  @ApiOkResponse({ type: MunicipalitySummaryDto, isArray: true })
  async list(@Query() query: ListMunicipalitySummariesDto): Promise<MunicipalitySummaryDto[]> {
    const rows = await this.dataSource.getRepository(MunicipalityProjectionEntity).find({
      where: { municipalityId: In(query.ids) },
      select: {
        municipalityId: true,
        kind: true,
        country: true,
        nameNative: true,
        nameLatin: true,
        regionName: true,
        lat: true,
        lon: true,
      },
    });
    return rows.map((r) => ({
      municipalityId: r.municipalityId,
      kind: r.kind,
      country: r.country,
      nameNative: r.nameNative,
      nameLatin: r.nameLatin,
      regionName: r.regionName,
      lat: r.lat,
      lon: r.lon,
    }));
  }
}
