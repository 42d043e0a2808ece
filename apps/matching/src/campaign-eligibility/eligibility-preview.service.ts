import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { campaignEligibility } from '../campaigns/campaign-eligibility';
import { toHromadaProfile } from '../projection/profile.mapper';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { EuPoolCache, livePartnershipCounts } from '../proposals/eu-pool.cache';
import { DEFAULT_CAMPAIGN } from '../scoring/campaign';
import { isHromadaEligible } from '../scoring/prepared-profile';
import type { EligibilityPreviewResponseDto } from './dto/eligibility-preview.response.dto';
import type { PreviewEligibilityDto } from './dto/preview-eligibility.dto';

/**
 * Counts who an eligibility would admit, with the scorer's own rules over the same EU pool and seekers a
 * round reads (metropolitan status derived over the pool, capacity net of live partnerships), so the
 * preview a coordinator sees is what a round of that campaign would start from.
 */
@Injectable()
export class EligibilityPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: EuPoolCache,
  ) {}

  async preview(dto: PreviewEligibilityDto): Promise<EligibilityPreviewResponseDto> {
    const campaign = { ...DEFAULT_CAMPAIGN, ...campaignEligibility(dto) };
    const { pool } = await this.pool.get(this.dataSource.manager);
    const rows = await this.dataSource.getRepository(MunicipalityProjectionEntity).find({
      where: { kind: 'hromada', active: true, seekingPartner: true },
    });
    const live = await livePartnershipCounts(this.dataSource.manager, 'hromada_id');
    const hromadas = rows.flatMap((r) => toHromadaProfile(r, live.get(r.municipalityId) ?? 0) ?? []);
    return {
      euMunicipalities: { eligible: pool.eligibleIndices(campaign).length, total: pool.size },
      hromadas: {
        eligible: hromadas.filter((h) => isHromadaEligible(h, campaign)).length,
        total: hromadas.length,
      },
    };
  }
}
