import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CampaignEntity, CampaignStatus } from '../campaigns/campaign.entity';
import { toScoringCampaign } from '../campaigns/campaign.mapper';
import type { PublishFn } from '../common/publish-fn';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { toHromadaProfile } from '../projection/profile.mapper';
import type { Campaign } from '../scoring/campaign';
import type { HromadaProfile } from '../scoring/candidate-profile';
import { scoreHromadasForVolunteer, topK } from '../scoring/match-scorer';
import { OpenProposalCounts } from '../scoring/open-proposal-counts';
import type { PreparedEuPool } from '../scoring/prepared-profile';
import { EuPoolCache, livePartnershipCounts } from './eu-pool.cache';
import type { ProposalEntity } from './proposal.entity';
import { ProposalWriter } from './proposal.writer';

/** Hromadas proposed to a volunteering EU municipality per free partnership slot. */
export const VOLUNTEER_PROPOSALS_PER_SLOT = 3;

/** Why matching looks at a profile again. */
export interface ProfileTrigger {
  /** `registered`: first snapshot; `updated`: a later one with these material changes. */
  readonly cause: 'registered' | 'updated' | 'backfill';
  readonly materialChanges?: readonly string[];
}

/**
 * Incremental matching: a hromada registered or materially changed gets its top-k EU candidates per active
 * campaign at once; an EU municipality that volunteers (seeks a partner) is scored against the hromadas still
 * seeking one. Proposals a change made stale are withdrawn with the reason. Runs in the caller's
 * transaction (the consumer's, with the inbox record), so a redelivered event has no second effect.
 */
@Injectable()
export class IncrementalMatchingService {
  private readonly logger = new Logger(IncrementalMatchingService.name);

  constructor(
    private readonly pool: EuPoolCache,
    private readonly writer: ProposalWriter,
  ) {}

  /** Dispatches by kind: see {@link onHromadaChanged} and {@link onEuMunicipalityChanged}. */
  onProfileChanged(
    manager: EntityManager,
    publish: PublishFn,
    row: MunicipalityProjectionEntity,
    trigger: ProfileTrigger,
  ): Promise<ProposalEntity[]> {
    return row.kind === 'hromada'
      ? this.onHromadaChanged(manager, publish, row, trigger)
      : this.onEuMunicipalityChanged(manager, publish, row, trigger);
  }

  /** Proposes for (or withdraws from) a hromada after its projection changed. */
  async onHromadaChanged(
    manager: EntityManager,
    publish: PublishFn,
    row: MunicipalityProjectionEntity,
    trigger: ProfileTrigger,
  ): Promise<ProposalEntity[]> {
    if (!row.active) {
      await this.writer.withdraw(
        manager,
        publish,
        { hromadaId: row.municipalityId },
        'The hromada was deactivated in the registry',
      );
      return [];
    }
    if (!row.seekingPartner) {
      await this.writer.withdraw(
        manager,
        publish,
        { hromadaId: row.municipalityId },
        'The hromada no longer seeks a partner',
      );
      return [];
    }
    const live = await livePartnershipCounts(manager, 'hromada_id', [row.municipalityId]);
    const profile = toHromadaProfile(row, live.get(row.municipalityId) ?? 0);
    if (!profile) {
      this.logger.warn(`Hromada ${row.municipalityId} has no population or location: nothing to score`);
      return [];
    }
    const { pool } = await this.pool.getRecent(manager);
    const created: ProposalEntity[] = [];
    for (const entity of await activeCampaigns(manager)) {
      created.push(
        ...(await this.proposeForHromada(
          manager,
          publish,
          profile,
          pool,
          toScoringCampaign(entity),
          trigger,
        )),
      );
    }
    return created;
  }

  /** Withdraws an EU municipality's proposals that no longer hold, and scores it against seeking hromadas when it volunteers. */
  async onEuMunicipalityChanged(
    manager: EntityManager,
    publish: PublishFn,
    row: MunicipalityProjectionEntity,
    trigger: ProfileTrigger,
  ): Promise<ProposalEntity[]> {
    const euId = row.municipalityId;
    if (!row.active) {
      await this.writer.withdraw(
        manager,
        publish,
        { euMunicipalityId: euId },
        'The EU municipality was deactivated in the registry',
      );
      return [];
    }
    const volunteers =
      row.seekingPartner && (trigger.cause === 'registered' || (trigger.materialChanges?.length ?? 0) > 0);
    // Most EU municipalities arrive by bulk import without volunteering: with nothing open and nothing to
    // propose there is nothing to re-check, and the pool need not be rebuilt for each of them.
    if (!volunteers && !(await hasOpenProposals(manager, euId))) return [];
    const { pool } = await this.pool.get(manager);
    const index = binarySearch(pool.ids, euId);
    const created: ProposalEntity[] = [];
    for (const entity of await activeCampaigns(manager)) {
      const campaign = toScoringCampaign(entity);
      const eligible = index >= 0 && includes(pool.eligibleIndices(campaign), index);
      if (!eligible) {
        const reason =
          index >= 0 && pool.capacity[index] <= 0
            ? 'The EU municipality has no partnership capacity left'
            : `The EU municipality is no longer eligible in campaign "${campaign.name}"`;
        await this.writer.withdraw(
          manager,
          publish,
          { euMunicipalityId: euId, campaignId: campaign.id, keepAccepted: true },
          reason,
        );
        continue;
      }
      if (volunteers)
        created.push(...(await this.proposeForVolunteer(manager, publish, pool, index, campaign)));
    }
    return created;
  }

  /** Proposes for a hromada in one campaign only (the backfill sweep); same rules as {@link onHromadaChanged}. */
  async proposeInCampaign(
    manager: EntityManager,
    publish: PublishFn,
    row: MunicipalityProjectionEntity,
    campaign: CampaignEntity,
  ): Promise<ProposalEntity[]> {
    if (!row.active || !row.seekingPartner || row.kind !== 'hromada') return [];
    const live = await livePartnershipCounts(manager, 'hromada_id', [row.municipalityId]);
    const profile = toHromadaProfile(row, live.get(row.municipalityId) ?? 0);
    if (!profile) return [];
    const { pool } = await this.pool.get(manager);
    return this.proposeForHromada(manager, publish, profile, pool, toScoringCampaign(campaign), {
      cause: 'backfill',
    });
  }

  /** Top-k for one hromada in one campaign, skipping pairs already decided; withdraws what fell out of it on a change. */
  async proposeForHromada(
    manager: EntityManager,
    publish: PublishFn,
    hromada: HromadaProfile,
    pool: PreparedEuPool,
    campaign: Campaign,
    trigger: ProfileTrigger,
  ): Promise<ProposalEntity[]> {
    const excluded = await excludedCounterparts(manager, campaign.id, 'hromada', hromada.id);
    // Diversity: a municipality already proposed to many other hromadas ranks a little lower (popularity).
    const open = await openProposalCounts(manager, pool, campaign.id, hromada.id);
    const ranked = topK(hromada, pool, campaign, campaign.topK + excluded.size, open)
      .filter((c) => !excluded.has(c.id))
      .slice(0, campaign.topK)
      .map((c, i) => ({ ...c, rank: i + 1 }));
    if (trigger.cause === 'updated') {
      const changes = trigger.materialChanges?.join(', ') ?? 'profile';
      await this.writer.withdraw(
        manager,
        publish,
        {
          hromadaId: hromada.id,
          campaignId: campaign.id,
          keepAccepted: true,
          euNotIn: ranked.map((c) => c.id),
        },
        `The hromada's profile changed (${changes}); this municipality is no longer among its best ${campaign.topK} candidates`,
      );
    }
    return this.writer.propose(
      manager,
      publish,
      ranked.map((c) => ({
        campaignId: campaign.id,
        hromadaId: hromada.id,
        euMunicipalityId: c.id,
        candidate: c,
        mode: 'incremental',
      })),
    );
  }

  private async proposeForVolunteer(
    manager: EntityManager,
    publish: PublishFn,
    pool: PreparedEuPool,
    index: number,
    campaign: Campaign,
  ) {
    const euId = pool.ids[index];
    const excluded = await excludedCounterparts(manager, campaign.id, 'eu', euId);
    const rows = await manager.find(MunicipalityProjectionEntity, {
      where: { kind: 'hromada', active: true, seekingPartner: true },
    });
    const live = await livePartnershipCounts(manager, 'hromada_id');
    const hromadas = rows
      .filter((r) => !excluded.has(r.municipalityId))
      .flatMap((r) => toHromadaProfile(r, live.get(r.municipalityId) ?? 0) ?? []);
    const eu = pool.profiles[index];
    // A volunteer is offered a few hromadas per free slot, not a campaign's full top-k: a bulk import of
    // volunteers must not bury coordinators (or hromadas) in proposals.
    const k = Math.min(campaign.topK, VOLUNTEER_PROPOSALS_PER_SLOT * Math.max(1, eu.capacity));
    // Its popularity is the same for every hromada, so it does not reorder them; the explanation shows it.
    const ranked = scoreHromadasForVolunteer(
      {
        ...eu,
        metropolitan: pool.metropolitan[index] === 1,
        openProposalCount: await openProposalCountOf(manager, campaign.id, euId),
      },
      hromadas,
      campaign,
      k,
    );
    return this.writer.propose(
      manager,
      publish,
      ranked.map((c) => ({
        campaignId: campaign.id,
        hromadaId: c.id,
        euMunicipalityId: euId,
        candidate: c,
        mode: 'incremental',
      })),
    );
  }
}

/** Whether the EU municipality has any open proposal. */
async function hasOpenProposals(manager: EntityManager, euId: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM proposal WHERE eu_municipality_id = $1 AND status = 'open' LIMIT 1`,
    [euId],
  );
  return rows.length > 0;
}

/** Active campaigns, oldest first (a stable order keeps event order deterministic). */
export function activeCampaigns(manager: EntityManager): Promise<CampaignEntity[]> {
  return manager.find(CampaignEntity, {
    where: { status: CampaignStatus.Active },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/**
 * Counterparts never to propose again to `id` in a campaign: pairs declined or accepted there, and pairs
 * with a partnership that has not ended (in any campaign).
 */
export async function excludedCounterparts(
  manager: EntityManager,
  campaignId: string,
  side: 'hromada' | 'eu',
  id: string,
): Promise<Set<string>> {
  const [mine, other] =
    side === 'hromada' ? ['hromada_id', 'eu_municipality_id'] : ['eu_municipality_id', 'hromada_id'];
  const rows = await manager.query<{ id: string }[]>(
    `SELECT ${other} AS id FROM proposal WHERE campaign_id = $1 AND ${mine} = $2 AND status IN ('declined', 'accepted')
     UNION SELECT ${other} FROM partnership WHERE ${mine} = $2 AND status <> 'ended'`,
    [campaignId, id],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Live open-proposal counts of the campaign per pool row, leaving out `hromadaId`'s own proposals: what
 * the popularity factor of that hromada's next list sees. Read in the caller's transaction; proposals
 * another instance is writing at the same moment are not counted (they spread the next list instead).
 */
export async function openProposalCounts(
  manager: EntityManager,
  pool: PreparedEuPool,
  campaignId: string,
  hromadaId: string,
): Promise<OpenProposalCounts> {
  const rows = await manager.query<{ id: string; n: number }[]>(
    `SELECT eu_municipality_id AS id, count(*)::int AS n FROM proposal
      WHERE campaign_id = $1 AND status = 'open' AND hromada_id <> $2 GROUP BY eu_municipality_id`,
    [campaignId, hromadaId],
  );
  return OpenProposalCounts.of(
    pool.size,
    rows.map((r) => [pool.indexOf(r.id), r.n] as const),
  );
}

/** Open proposals of the campaign that name one EU municipality. */
async function openProposalCountOf(
  manager: EntityManager,
  campaignId: string,
  euId: string,
): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM proposal WHERE campaign_id = $1 AND eu_municipality_id = $2 AND status = 'open'`,
    [campaignId, euId],
  );
  return row.n;
}

function binarySearch(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return mid;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function includes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
