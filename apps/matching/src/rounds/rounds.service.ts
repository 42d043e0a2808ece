import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@bridges/platform';
import { CampaignStatus } from '../campaigns/campaign.entity';
import { CampaignNotActiveError } from '../campaigns/campaigns.errors';
import { CampaignsService } from '../campaigns/campaigns.service';
import type { Page } from '@bridges/platform';
import type { ListRoundsDto } from './dto/list-rounds.dto';
import { MatchingRoundEntity, RoundPhase, RoundStatus } from './matching-round.entity';
import { RoundIdTakenError, RoundNotFoundError } from './rounds.errors';

/**
 * Global rounds as the console sees them. Requesting one only writes a `requested` row: whichever instance's
 * {@link RoundWorker} claims it first computes it, so a round runs once however many instances run.
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  /** Requests a round of an active campaign; the same `roundId` again returns that round (idempotent). */
  async request(
    user: AuthenticatedUser,
    campaignId: string,
    roundId: string = randomUUID(),
  ): Promise<MatchingRoundEntity> {
    const campaign = await this.campaigns.get(campaignId);
    if (campaign.status !== CampaignStatus.Active) throw new CampaignNotActiveError(campaignId);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MatchingRoundEntity)
      .values({
        id: roundId,
        campaignId,
        status: RoundStatus.Requested,
        phase: RoundPhase.Queued,
        done: 0,
        total: 0,
        requestedBy: user.sub,
        attempt: 0,
      })
      .orIgnore()
      .execute();
    const round = await this.get(roundId);
    if (round.campaignId !== campaignId) throw new RoundIdTakenError(roundId);
    return round;
  }

  async get(id: string): Promise<MatchingRoundEntity> {
    const round = await this.dataSource.getRepository(MatchingRoundEntity).findOneBy({ id });
    if (!round) throw new RoundNotFoundError(id);
    return round;
  }

  /** Rounds, newest first. */
  async list(query: ListRoundsDto): Promise<Page<MatchingRoundEntity>> {
    const [items, total] = await this.dataSource.getRepository(MatchingRoundEntity).findAndCount({
      where: query.campaignId ? { campaignId: query.campaignId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
