import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { MatchingEnv } from '../config/matching.env';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import type { MunicipalitySummaryDto } from './dto/municipality-summary.dto';

/**
 * Who a municipality is, from matching's projection of registry profiles: names in both scripts, country,
 * region, population, centre and the link to its public profile. One query for any number of ids, so a
 * page of proposals names both sides of every row without calling the registry.
 */
@Injectable()
export class MunicipalitySummaries {
  private readonly registryUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    env: MatchingEnv,
  ) {
    this.registryUrl = env.MATCHING_REGISTRY_PUBLIC_URL.replace(/\/+$/, '');
  }

  /** Summaries by municipality id; ids matching has not seen are left out. */
  async byIds(ids: Iterable<string>): Promise<ReadonlyMap<string, MunicipalitySummaryDto>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(MunicipalityProjectionEntity).find({
      where: { municipalityId: In(unique) },
      select: {
        municipalityId: true,
        kind: true,
        country: true,
        nameNative: true,
        nameLatin: true,
        regionName: true,
        population: true,
        lat: true,
        lon: true,
      },
    });
    return new Map(rows.map((r) => [r.municipalityId, this.toSummary(r)]));
  }

  private toSummary(r: MunicipalityProjectionEntity): MunicipalitySummaryDto {
    return {
      municipalityId: r.municipalityId,
      kind: r.kind,
      country: r.country,
      nameNative: r.nameNative,
      nameLatin: r.nameLatin,
      regionName: r.regionName,
      population: r.population,
      lat: r.lat,
      lon: r.lon,
      publicProfileUrl: `${this.registryUrl}/municipalities/${r.municipalityId}/public`,
    };
  }
}
