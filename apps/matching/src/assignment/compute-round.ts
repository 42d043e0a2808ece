import type { Campaign } from '../scoring/campaign';
import type { EuMunicipalityProfile, HromadaProfile } from '../scoring/candidate-profile';
import { explainPair, type FactorScore } from '../scoring/match-scorer';
import { PreparedEuPool, prepareHromada } from '../scoring/prepared-profile';
import { assignRound } from './assign-round';
import { buildCandidateGraph, type CandidateGraph } from './candidate-graph';
import type { RoundProgress } from './round-progress';

/**
 * Everything a global round computes from: plain data only, so it crosses to a worker thread by
 * structured clone (no database, no Nest).
 */
export interface RoundInput {
  readonly campaign: Campaign;
  /** The EU pool as its profiles (with their current open-proposal counts). */
  readonly euProfiles: readonly EuMunicipalityProfile[];
  /** Hromadas that seek a partner, in a stable order. */
  readonly hromadas: readonly HromadaProfile[];
  /** `hromadaId|euId` pairs the round must not propose (decided, or already partners). */
  readonly excludedPairs: readonly string[];
}

/** One assigned pair with its rank among its hromada's pairs and its factor breakdown. */
export interface RoundPair {
  readonly hromadaId: string;
  readonly euMunicipalityId: string;
  readonly rank: number;
  readonly score: number;
  readonly factors: readonly FactorScore[];
}

export interface RoundResult {
  readonly pairs: readonly RoundPair[];
  readonly totalScore: number;
  /** No assignment of the pool's allowed pairs within the capacities can total more (see assignRound). */
  readonly upperBound: number;
  readonly hromadaCount: number;
  readonly euCount: number;
}

/**
 * A global round, start to end: candidate graph over the pool, the exact capacity-constrained
 * assignment, then each assigned pair explained and ranked within its hromada. CPU-bound for seconds
 * at the full EU pool, which is why it runs on a worker thread (rounds/round-computation.ts).
 */
export function computeRound(
  input: RoundInput,
  onProgress: (p: RoundProgress) => void = () => {},
): RoundResult {
  const { campaign } = input;
  const pool = new PreparedEuPool(input.euProfiles);
  const hromadas = input.hromadas.map((h) => prepareHromada(h, pool.vocabulary));
  onProgress({ phase: 'candidates', done: 0, total: hromadas.length });
  const graph = withoutPairs(
    buildCandidateGraph(hromadas, pool, campaign, { onProgress }),
    new Set(input.excludedPairs),
  );
  const rowOf = new Map(pool.ids.map((id, j) => [id, j]));
  const euRows = graph.euIds.map((id) => rowOf.get(id)!);
  const assignment = assignRound(
    graph,
    campaign.maxNewPartnersPerHromadaPerRound,
    Int32Array.from(euRows, (j) => pool.capacity[j]),
    { onProgress },
  );
  const ordered = [...assignment.pairs].sort((a, b) => a.hromadaIndex - b.hromadaIndex || b.score - a.score);
  const pairs: RoundPair[] = [];
  let previous = -1;
  let rank = 0;
  for (const pair of ordered) {
    rank = pair.hromadaIndex === previous ? rank + 1 : 1;
    previous = pair.hromadaIndex;
    const explained = explainPair(hromadas[pair.hromadaIndex], pool, euRows[pair.euIndex], campaign);
    pairs.push({
      hromadaId: pair.hromadaId,
      euMunicipalityId: pair.euId,
      rank,
      score: explained.score,
      factors: explained.factors,
    });
  }
  return {
    pairs,
    totalScore: assignment.totalScore,
    upperBound: assignment.upperBound,
    hromadaCount: hromadas.length,
    euCount: graph.euIds.length,
  };
}

/** The graph without the given `hromadaId|euId` pairs. */
export function withoutPairs(graph: CandidateGraph, pairs: ReadonlySet<string>): CandidateGraph {
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
    // Pairs left out of the graph still score at most the cutoff, so the bound stays one of the whole pool.
    ...(graph.hromadaCutoff ? { hromadaCutoff: graph.hromadaCutoff } : {}),
  };
}
