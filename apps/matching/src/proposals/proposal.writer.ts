import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  MatchProposedV1Event,
  ProposalSide,
  ProposalWithdrawnV1Event,
  type ProposalMode,
} from '@bridges/contracts';
import type { PublishFn } from '../common/publish-fn';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import type { RankedCandidate } from '../scoring/match-scorer';
import { ProposalEntity, ProposalStatus } from './proposal.entity';
import { clampUnit, toFactorsV1, toMatchProposedV1 } from './proposal.mapper';

/** Rows per INSERT statement (10 parameters each). */
const PROPOSAL_INSERT_BATCH = 500;

/** A proposal to store: a pair, its rank and explained score. */
export interface ProposalDraft {
  readonly campaignId: string;
  readonly hromadaId: string;
  readonly euMunicipalityId: string;
  readonly candidate: Pick<RankedCandidate, 'rank' | 'score' | 'factors'>;
  readonly mode: ProposalMode;
  readonly roundId?: string;
}

/** Which open proposals to withdraw. */
export interface WithdrawScope {
  readonly hromadaId?: string;
  readonly euMunicipalityId?: string;
  readonly campaignId?: string;
  /** Leave proposals one side already accepted (a profile edit should not undo a decision in progress). */
  readonly keepAccepted?: boolean;
  /** Only these EU municipalities (of a hromada's proposals), or all but these. */
  readonly euIn?: readonly string[];
  readonly euNotIn?: readonly string[];
}

/**
 * Writes proposals and their events in the caller's transaction. The partial unique index on open pairs
 * is the last word on duplicates: an insert that would make a second open proposal for a pair is skipped
 * (and publishes nothing), whichever instance or mode tried it.
 */
@Injectable()
export class ProposalWriter {
  /** Inserts the drafts whose pair has no open proposal yet; publishes one MatchProposedV1 per inserted row. */
  async propose(
    manager: EntityManager,
    publish: PublishFn,
    drafts: readonly ProposalDraft[],
  ): Promise<ProposalEntity[]> {
    if (drafts.length === 0) return [];
    const createdAt = new Date();
    const rows: ProposalEntity[] = drafts.map((d) => ({
      id: randomUUID(),
      campaignId: d.campaignId,
      hromadaId: d.hromadaId,
      euMunicipalityId: d.euMunicipalityId,
      score: clampUnit(d.candidate.score),
      rank: d.candidate.rank,
      mode: d.mode,
      roundId: d.roundId ?? null,
      factors: toFactorsV1(d.candidate.factors),
      status: ProposalStatus.Open,
      hromadaDecision: null,
      hromadaDecidedBy: null,
      euDecision: null,
      euDecidedBy: null,
      closedReason: null,
      closedAt: null,
      createdAt,
    }));
    const created: ProposalEntity[] = [];
    // Batches keep one statement per few hundred rows (a round writes thousands) under the parameter limit.
    for (let start = 0; start < rows.length; start += PROPOSAL_INSERT_BATCH) {
      const batch = rows.slice(start, start + PROPOSAL_INSERT_BATCH);
      const params: unknown[] = [];
      const values = batch.map((r) => {
        const at = params.length;
        params.push(
          r.id,
          r.campaignId,
          r.hromadaId,
          r.euMunicipalityId,
          r.score,
          r.rank,
          r.mode,
          r.roundId,
          JSON.stringify(r.factors),
          r.createdAt,
        );
        return `(${Array.from({ length: 10 }, (_, k) => `$${at + k + 1}`).join(', ')}, 'open')`;
      });
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO proposal (id, campaign_id, hromada_id, eu_municipality_id, score, rank, mode, round_id, factors, created_at, status)
         VALUES ${values.join(', ')}
         ON CONFLICT DO NOTHING RETURNING id`,
        params,
      );
      const ids = new Set(inserted.map((r) => r.id));
      for (const row of batch) {
        if (!ids.has(row.id)) continue;
        await publish(MatchProposedV1Event, toMatchProposedV1(row));
        created.push(row);
      }
    }
    return created;
  }

  /** Withdraws the open proposals in `scope` with `reason`; publishes one ProposalWithdrawnV1 each. */
  withdraw(
    manager: EntityManager,
    publish: PublishFn,
    scope: WithdrawScope,
    reason: string,
  ): Promise<string[]> {
    return this.withdrawEach(manager, publish, [{ scope, reason }]);
  }

  /**
   * After a partnership was established or recorded: the pair's open proposals can no longer be honoured,
   * nor those of a side that took its last free slot (one locking statement, see {@link withdrawEach}).
   */
  withdrawOvertakenBy(
    manager: EntityManager,
    publish: PublishFn,
    partnership: Pick<PartnershipEntity, 'hromadaId' | 'euMunicipalityId'>,
    fullSides: readonly ProposalSide[],
  ): Promise<string[]> {
    const { hromadaId, euMunicipalityId } = partnership;
    return this.withdrawEach(manager, publish, [
      {
        scope: { hromadaId, euIn: [euMunicipalityId] },
        reason: 'The hromada and the EU municipality are partners already',
      },
      ...fullSides.map((full) =>
        full === ProposalSide.Hromada
          ? { scope: { hromadaId }, reason: 'The hromada has no partnership capacity left' }
          : { scope: { euMunicipalityId }, reason: 'The EU municipality has no partnership capacity left' },
      ),
    ]);
  }

  /**
   * Withdraws the open proposals of several scopes, each with its reason (a proposal in two scopes gets
   * the first one's). All of them are locked first, in one statement and in id order: transactions that
   * withdraw overlapping sets (two acceptances, a registry update) then take their row locks in the same
   * order and cannot deadlock, whatever order their scopes came in.
   */
  async withdrawEach(
    manager: EntityManager,
    publish: PublishFn,
    batches: readonly { readonly scope: WithdrawScope; readonly reason: string }[],
  ): Promise<string[]> {
    if (batches.length === 0) return [];
    const lockParams: unknown[] = [];
    const anyScope = batches.map((b) => `(${whereOf(b.scope, lockParams)})`).join(' OR ');
    await manager.query(
      `SELECT id FROM proposal WHERE status = 'open' AND (${anyScope}) ORDER BY id FOR UPDATE`,
      lockParams,
    );
    const withdrawn: string[] = [];
    for (const { scope, reason } of batches) {
      const params: unknown[] = [reason];
      const [rows] = await manager.query<[{ id: string }[], number]>(
        `UPDATE proposal SET status = 'withdrawn', closed_reason = $1, closed_at = now()
          WHERE status = 'open' AND ${whereOf(scope, params)} RETURNING id`,
        params,
      );
      const ids = rows.map((r) => r.id).sort();
      for (const proposalId of ids)
        await publish(ProposalWithdrawnV1Event, { proposalId, reason: reason.slice(0, 1000) });
      withdrawn.push(...ids);
    }
    return withdrawn;
  }
}

/** The SQL condition of `scope`, its values appended to `params` (numbered after what is there). */
function whereOf(scope: WithdrawScope, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (scope.hromadaId) add('hromada_id = ?', scope.hromadaId);
  if (scope.euMunicipalityId) add('eu_municipality_id = ?', scope.euMunicipalityId);
  if (scope.campaignId) add('campaign_id = ?', scope.campaignId);
  if (scope.euIn) add('eu_municipality_id = ANY(?::uuid[])', scope.euIn);
  if (scope.euNotIn) add('NOT (eu_municipality_id = ANY(?::uuid[]))', scope.euNotIn);
  if (scope.keepAccepted) {
    where.push(`hromada_decision IS DISTINCT FROM 'accepted' AND eu_decision IS DISTINCT FROM 'accepted'`);
  }
  return where.length > 0 ? where.join(' AND ') : 'true';
}
