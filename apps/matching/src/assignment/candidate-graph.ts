import type { Campaign } from '../scoring/campaign';
import { type CandidateSelection, scanCandidates } from '../scoring/match-scorer';
import type { PreparedEuPool, PreparedHromada } from '../scoring/prepared-profile';
import { TopKHeap } from '../scoring/top-k-heap';
import type { RoundProgress } from './round-progress';

/**
 * A sparse bipartite graph of candidate pairs with their scores: hromadas on the left, EU municipalities
 * on the right, edges as parallel typed arrays. Left and right nodes are indices into the id lists.
 */
export interface CandidateGraph {
  readonly hromadaIds: readonly string[];
  readonly euIds: readonly string[];
  readonly edgeHromada: Int32Array;
  readonly edgeEu: Int32Array;
  readonly edgeScore: Float64Array;
  /**
   * Per hromada, a score no left-out pair of it exceeds (its N-th best when its list was cut, else 0).
   * With it, {@link assignRound} bounds the optimum of the full problem, not only of this graph.
   */
  readonly hromadaCutoff?: Float64Array;
}

/** Options of {@link buildCandidateGraph}. */
export interface CandidateGraphOptions {
  /** Defaults to `campaign.candidatesPerHromada`. */
  readonly candidatesPerHromada?: number;
  /** Defaults to `campaign.candidatesPerEuMunicipality`. */
  readonly candidatesPerEuMunicipality?: number;
  readonly onProgress?: (progress: RoundProgress) => void;
}

/**
 * Builds the sparse candidate graph of a round: each hromada's top-N eligible EU candidates, plus each
 * eligible EU municipality's top-M hromadas (the reverse direction keeps municipalities that are nobody's
 * top-N but someone's good option — they matter when popular candidates run out of capacity).
 * Right nodes are only the EU municipalities that appear on an edge.
 */
export function buildCandidateGraph(
  hromadas: readonly PreparedHromada[],
  pool: PreparedEuPool,
  campaign: Campaign,
  options: CandidateGraphOptions = {},
): CandidateGraph {
  const n = options.candidatesPerHromada ?? campaign.candidatesPerHromada;
  const m = options.candidatesPerEuMunicipality ?? campaign.candidatesPerEuMunicipality;
  const report = options.onProgress ?? (() => undefined);
  const eligible = pool.eligibleIndices(campaign);
  // One scan per hromada serves both directions.
  const euHeaps = m > 0 ? Array.from(eligible, () => new TopKHeap(m)) : null;
  const perHromada: CandidateSelection[] = [];
  const step = Math.max(1, Math.floor(hromadas.length / 100));
  for (let i = 0; i < hromadas.length; i++) {
    const heap = new TopKHeap(n);
    scanCandidates(hromadas[i], pool, campaign, heap, euHeaps, i);
    perHromada.push(heap.drain());
    if ((i + 1) % step === 0 || i + 1 === hromadas.length)
      report({ phase: 'candidates', done: i + 1, total: hromadas.length });
  }
  const edges = new Map<number, Map<number, number>>();
  const add = (i: number, j: number, s: number): void => {
    let row = edges.get(i);
    if (!row) edges.set(i, (row = new Map<number, number>()));
    row.set(j, s);
  };
  perHromada.forEach((sel, i) => sel.indices.forEach((j, r) => add(i, j, sel.scores[r])));
  euHeaps?.forEach((heap, e) => {
    const best = heap.drain();
    best.indices.forEach((i, r) => add(i, eligible[e], best.scores[r]));
  });
  const used = new Set<number>();
  for (const row of edges.values()) for (const j of row.keys()) used.add(j);
  const right = [...used].sort((a, b) => a - b);
  const rightIndex = new Map(right.map((j, r) => [j, r]));
  let count = 0;
  for (const row of edges.values()) count += row.size;
  const edgeHromada = new Int32Array(count);
  const edgeEu = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < hromadas.length; i++) {
    const row = edges.get(i);
    if (!row) continue;
    for (const j of [...row.keys()].sort((a, b) => a - b)) {
      edgeHromada[k] = i;
      edgeEu[k] = rightIndex.get(j)!;
      edgeScore[k++] = row.get(j)!;
    }
  }
  // A hromada whose list is shorter than N kept every pair above the campaign's minimum.
  const hromadaCutoff = Float64Array.from(perHromada, (sel) =>
    sel.scores.length === n && n > 0 ? sel.scores[n - 1] : 0,
  );
  return {
    hromadaIds: hromadas.map((h) => h.profile.id),
    euIds: right.map((j) => pool.ids[j]),
    edgeHromada,
    edgeEu,
    edgeScore,
    hromadaCutoff,
  };
}
