import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@bridges/messaging';
import type { RoundInput, RoundResult } from '../assignment/compute-round';
import type { RoundProgress } from '../assignment/round-progress';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { toScoringCampaign } from '../campaigns/campaign.mapper';
import { outboxPublisher } from '../common/publish-fn';
import { MatchingEnv } from '../config/matching.env';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { toHromadaProfile } from '../projection/profile.mapper';
import { EuPoolCache, livePartnershipCounts } from '../proposals/eu-pool.cache';
import { ProposalWriter, type ProposalDraft } from '../proposals/proposal.writer';
import { MatchingRoundEntity, RoundPhase, RoundStatus } from './matching-round.entity';
import { RoundComputation } from './round-computation';
import { RoundProgressReporter } from './round-progress.reporter';
import { RoundClaimLostError } from './rounds.errors';

/**
 * Computes one claimed round: loads the campaign's pool and hromadas, hands the computation to a worker
 * thread ({@link RoundComputation}) so this instance keeps answering HTTP, health probes and Kafka
 * heartbeats meanwhile, renews the lease with each progress report, then — only while the claim is
 * still this attempt's — writes the proposals, their events and the round's completion in one
 * transaction. A crash before that commit leaves nothing behind, and the round is claimed again once
 * the lease expires.
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
    private readonly computation: RoundComputation,
  ) {}

  async run(round: MatchingRoundEntity): Promise<void> {
    const claim = { id: round.id, attempt: round.attempt };
    try {
      const input = await this.roundInput(round.campaignId);
      await this.progress(claim, { phase: 'candidates', done: 0, total: input.hromadas.length });
      const running: { thread?: ReturnType<RoundComputation['start']> } = {};
      // A failed progress write (the claim was lost) stops the thread at once: the round is not ours.
      const reporter = new RoundProgressReporter(
        (p) => this.progress(claim, p),
        () => void running.thread?.abandon(),
      );
      const thread = (running.thread = this.computation.start(input, (p) => reporter.report(p)));
      let result: RoundResult;
      try {
        result = await thread.result;
      } catch (error) {
        await reporter.flush(); // an abandoned thread's exit is the symptom; a lost claim is the cause
        throw error;
      }
      await reporter.flush();
      const drafts = result.pairs.map((pair): ProposalDraft => ({
        campaignId: round.campaignId,
        hromadaId: pair.hromadaId,
        euMunicipalityId: pair.euMunicipalityId,
        candidate: { rank: pair.rank, score: pair.score, factors: pair.factors },
        mode: 'round',
        roundId: round.id,
      }));
      await this.complete(claim, drafts, result);
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

  /** What the worker thread computes from: the campaign, the pool's profiles, the seekers, excluded pairs. */
  private async roundInput(campaignId: string): Promise<RoundInput> {
    const entity = await this.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: campaignId });
    const { pool } = await this.pool.get(this.dataSource.manager);
    const rows = await this.dataSource.getRepository(MunicipalityProjectionEntity).find({
      where: { kind: 'hromada', active: true, seekingPartner: true },
      order: { municipalityId: 'ASC' },
    });
    const live = await livePartnershipCounts(this.dataSource.manager, 'hromada_id');
    return {
      campaign: toScoringCampaign(entity),
      // The cached pool's own state: open-proposal counts may have moved since it was built.
      euProfiles: pool.profiles.map((p, j) => ({ ...p, openProposalCount: pool.openProposalsOf(j) })),
      hromadas: rows.flatMap((r) => toHromadaProfile(r, live.get(r.municipalityId) ?? 0) ?? []),
      excludedPairs: [...(await this.decidedPairs(campaignId))],
    };
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
    { totalScore, upperBound, hromadaCount, euCount }: Omit<RoundResult, 'pairs'>,
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
          upperBound,
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
