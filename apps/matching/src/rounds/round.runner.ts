import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@bridges/messaging';
import { assignRound } from '../assignment/assign-round';
import { buildCandidateGraph, type CandidateGraph } from '../assignment/candidate-graph';
import type { RoundProgress } from '../assignment/round-progress';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { toScoringCampaign } from '../campaigns/campaign.mapper';
import { outboxPublisher } from '../common/publish-fn';
import { MatchingEnv } from '../config/matching.env';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { toHromadaProfile } from '../projection/profile.mapper';
import { EuPoolCache, livePartnershipCounts } from '../proposals/eu-pool.cache';
import { ProposalWriter, type ProposalDraft } from '../proposals/proposal.writer';
import { explainPair } from '../scoring/match-scorer';
import { prepareHromada } from '../scoring/prepared-profile';
import { MatchingRoundEntity, RoundPhase, RoundStatus } from './matching-round.entity';
import { RoundClaimLostError } from './rounds.errors';

/**
 * Computes one claimed round: candidate graph over the campaign's pool, exact capacity-constrained
 * assignment, then — only while the claim is still this attempt's — the proposals, their events and the
 * round's completion in one transaction. A crash before that commit leaves nothing behind, and the round
 * is claimed again once the lease expires.
 */
@Injectable()
export class RoundRunner {
  private readonly logger = new Logger(RoundRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: EuPoolCache,
    private readonly writer: ProposalWriter,
    private readonly outbox: OutboxWriter,
    private readonly env: MatchingEnv,
  ) {}

  async run(round: MatchingRoundEntity): Promise<void> {
    const claim = { id: round.id, attempt: round.attempt };
    try {
      const entity = await this.dataSource
        .getRepository(CampaignEntity)
        .findOneByOrFail({ id: round.campaignId });
      const campaign = toScoringCampaign(entity);
      const { pool } = await this.pool.get(this.dataSource.manager);
      const rows = await this.dataSource.getRepository(MunicipalityProjectionEntity).find({
        where: { kind: 'hromada', active: true, seekingPartner: true },
        order: { municipalityId: 'ASC' },
      });
      const live = await livePartnershipCounts(this.dataSource.manager, 'hromada_id');
      const hromadas = rows
        .flatMap((r) => toHromadaProfile(r, live.get(r.municipalityId) ?? 0) ?? [])
        .map((h) => prepareHromada(h, pool.vocabulary));
      await this.progress(claim, { phase: 'candidates', done: 0, total: hromadas.length });

      let last: RoundProgress | undefined;
      const graph = withoutPairs(
        buildCandidateGraph(hromadas, pool, campaign, { onProgress: (p) => (last = p) }),
        await this.decidedPairs(round.campaignId),
      );
      await this.progress(
        claim,
        last ?? { phase: 'candidates', done: hromadas.length, total: hromadas.length },
      );

      const poolIndex = new Map(pool.ids.map((id, j) => [id, j]));
      const euRows = graph.euIds.map((id) => poolIndex.get(id)!);
      const assignment = assignRound(
        graph,
        campaign.maxNewPartnersPerHromadaPerRound,
        Int32Array.from(euRows, (j) => pool.capacity[j]),
        {
          onProgress: (p) => (last = p),
        },
      );
      await this.progress(claim, last ?? { phase: 'assign', done: hromadas.length, total: hromadas.length });

      const drafts: ProposalDraft[] = [];
      let previousHromada = -1;
      let rank = 0;
      const ordered = [...assignment.pairs].sort(
        (a, b) => a.hromadaIndex - b.hromadaIndex || b.score - a.score,
      );
      for (const pair of ordered) {
        rank = pair.hromadaIndex === previousHromada ? rank + 1 : 1;
        previousHromada = pair.hromadaIndex;
        const explained = explainPair(hromadas[pair.hromadaIndex], pool, euRows[pair.euIndex], campaign);
        drafts.push({
          campaignId: campaign.id,
          hromadaId: pair.hromadaId,
          euMunicipalityId: pair.euId,
          candidate: { rank, score: explained.score, factors: explained.factors },
          mode: 'round',
          roundId: round.id,
        });
      }
      await this.complete(claim, drafts, assignment.totalScore, hromadas.length, graph.euIds.length);
    } catch (error) {
      if (error instanceof RoundClaimLostError) {
        this.logger.warn(
          `Round ${round.id} attempt ${round.attempt} was taken over by another instance; dropping this attempt's result`,
        );
        return;
      }
      this.logger.error(`Round ${round.id} failed: ${String(error)}`);
      await this.dataSource.query(
        `UPDATE matching_round SET status = 'failed', error = $3, finished_at = now(), lease_expires_at = NULL
          WHERE id = $1 AND attempt = $2 AND status = 'running'`,
        [round.id, round.attempt, String(error).slice(0, 2000)],
      );
    }
  }

  /** Writes progress and renews the lease; throws {@link RoundClaimLostError} when the claim is no longer ours. */
  private async progress(claim: { id: string; attempt: number }, p: RoundProgress): Promise<void> {
    const [, updated] = await this.dataSource.query<[unknown, number]>(
      `UPDATE matching_round SET phase = $3, done = $4, total = $5, lease_expires_at = now() + ($6::int * interval '1 millisecond')
        WHERE id = $1 AND attempt = $2 AND status = 'running' AND claimed_by = $7`,
      [
        claim.id,
        claim.attempt,
        p.phase,
        p.done,
        p.total,
        this.env.MATCHING_ROUND_LEASE_MS,
        this.env.MATCHING_INSTANCE_ID,
      ],
    );
    if (updated !== 1) throw new RoundClaimLostError(`round ${claim.id} attempt ${claim.attempt}`);
  }

  private async complete(
    claim: { id: string; attempt: number },
    drafts: readonly ProposalDraft[],
    totalScore: number,
    hromadaCount: number,
    euCount: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(MatchingRoundEntity, {
        where: { id: claim.id },
        lock: { mode: 'pessimistic_write' },
      });
      // Exactly once: only the attempt that still holds the claim may write the result.
      if (
        !current ||
        current.status !== RoundStatus.Running ||
        current.attempt !== claim.attempt ||
        current.claimedBy !== this.env.MATCHING_INSTANCE_ID
      ) {
        throw new RoundClaimLostError(`round ${claim.id} attempt ${claim.attempt}`);
      }
      const created = await this.writer.propose(manager, outboxPublisher(this.outbox, manager), drafts);
      await manager.update(
        MatchingRoundEntity,
        { id: claim.id },
        {
          status: RoundStatus.Completed,
          phase: RoundPhase.Done,
          done: hromadaCount,
          total: hromadaCount,
          hromadaCount,
          euCount,
          proposalCount: created.length,
          totalScore,
          finishedAt: new Date(),
          leaseExpiresAt: null,
        },
      );
    });
  }

  /** Pairs a round must not propose: declined or accepted in this campaign, or partnered and not ended. */
  private async decidedPairs(campaignId: string): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ h: string; e: string }[]>(
      `SELECT hromada_id AS h, eu_municipality_id AS e FROM proposal WHERE campaign_id = $1 AND status IN ('declined', 'accepted')
       UNION SELECT hromada_id, eu_municipality_id FROM partnership WHERE status <> 'ended'`,
      [campaignId],
    );
    return new Set(rows.map((r) => `${r.h}|${r.e}`));
  }
}

/** The graph without the given `hromadaId|euId` pairs. */
function withoutPairs(graph: CandidateGraph, pairs: ReadonlySet<string>): CandidateGraph {
  if (pairs.size === 0) return graph;
  const keep: number[] = [];
  for (let k = 0; k < graph.edgeScore.length; k++) {
    if (!pairs.has(`${graph.hromadaIds[graph.edgeHromada[k]]}|${graph.euIds[graph.edgeEu[k]]}`)) keep.push(k);
  }
  return {
    hromadaIds: graph.hromadaIds,
    euIds: graph.euIds,
    edgeHromada: Int32Array.from(keep, (k) => graph.edgeHromada[k]),
    edgeEu: Int32Array.from(keep, (k) => graph.edgeEu[k]),
    edgeScore: Float64Array.from(keep, (k) => graph.edgeScore[k]),
  };
}
