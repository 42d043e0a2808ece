import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_CAMPAIGN, DEFAULT_WEIGHTS, normaliseWeightsForStorage } from './campaign.defaults';
import { campaignEligibility } from './campaign-eligibility';
import { CampaignEntity, CampaignStatus } from './campaign.entity';
import { CampaignNotFoundError, CampaignSlugTakenError } from './campaigns.errors';
import type { CreateCampaignDto } from './dto/create-campaign.dto';

/** Campaigns: who is eligible, how factors weigh, how many proposals. */
@Injectable()
export class CampaignsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<CampaignEntity> {
    const c = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id });
    if (!c) throw new CampaignNotFoundError(id);
    return c;
  }

  /** Creates an active campaign from the defaults and `dto`; the slug is unique. */
  async create(dto: CreateCampaignDto): Promise<CampaignEntity> {
    const repo = this.dataSource.getRepository(CampaignEntity);
    if (await repo.existsBy({ slug: dto.slug })) throw new CampaignSlugTakenError(dto.slug);
    const campaign: Omit<CampaignEntity, 'createdAt'> = {
      id: randomUUID(),
      slug: dto.slug,
      name: dto.name,
      status: CampaignStatus.Active,
      ...campaignEligibility(dto),
      weights: normaliseWeightsForStorage({ ...DEFAULT_WEIGHTS, ...dto.weights }),
      topK: dto.topK ?? DEFAULT_CAMPAIGN.topK,
      maxNewPartnersPerHromadaPerRound:
        dto.maxNewPartnersPerHromadaPerRound ?? DEFAULT_CAMPAIGN.maxNewPartnersPerHromadaPerRound,
      candidatesPerHromada: dto.candidatesPerHromada ?? DEFAULT_CAMPAIGN.candidatesPerHromada,
      candidatesPerEuMunicipality:
        dto.candidatesPerEuMunicipality ?? DEFAULT_CAMPAIGN.candidatesPerEuMunicipality,
      minScore: dto.minScore ?? DEFAULT_CAMPAIGN.minScore,
      distanceHalfScoreKm: dto.distanceHalfScoreKm ?? DEFAULT_CAMPAIGN.distanceHalfScoreKm,
    };
    await repo.insert(campaign);
    return this.get(campaign.id);
  }

  /** Closes a campaign: no more incremental proposals or rounds in it. Idempotent. */
  async close(id: string): Promise<CampaignEntity> {
    await this.get(id);
    await this.dataSource.getRepository(CampaignEntity).update({ id }, { status: CampaignStatus.Closed });
    return this.get(id);
  }
}
