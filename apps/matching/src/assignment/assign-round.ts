import type { CandidateGraph } from './candidate-graph';
import type { RoundProgress } from './round-progress';

/** One assigned pair of a round. */
export interface AssignedPair {
  readonly hromadaIndex: number;
  readonly euIndex: number;
  readonly hromadaId: string;
  readonly euId: string;
  readonly score: number;
}

/** The result of {@link assignRound}. */
export interface RoundAssignment {
  /** Assigned pairs, ordered by hromada index, then EU index. */
  readonly pairs: readonly AssignedPair[];
  /** Σ score of the assigned pairs: the maximum over all assignments within the capacities. */
  readonly totalScore: number;
  /**
   * An upper bound on the best possible total, from the dual solution (node potentials) of the flow:
   * of the full problem when the graph carries `hromadaCutoff`, otherwise of the graph alone. When it is
   * close to `totalScore`, the sparse graph provably lost (almost) nothing.
   */
  readonly upperBound: number;
  /** Shortest-path searches run and nodes they settled, for benchmarks. */
  readonly stats: { readonly searches: number; readonly settledNodes: number; readonly edges: number };
}

/** Options of {@link assignRound}. */
export interface AssignRoundOptions {
  readonly onProgress?: (progress: RoundProgress) => void;
  /**
   * Scores are rounded to integer multiples of this before solving, so that all path arithmetic is exact
   * and ties break deterministically. The optimum is exact for the rounded scores, hence within
   * (assigned pairs) × resolution / 2 of the optimum for the raw ones.
   */
  readonly scoreResolution?: number;
}

/** A capacity: one number for every node, or one per node. */
export type Capacities = number | ArrayLike<number>;

/**
 * Global round: the assignment with the highest total score such that each hromada gets at most its
 * capacity of new partners, each EU municipality at most its capacity, each pair at most once, and no
 * pair scoring ≤ 0 is used. Not everyone must be matched: this is maximum weight, not maximum cardinality.
 *
 * Exact on the given graph. Min-cost flow, cost = −score, solved by successive shortest paths with
 * node potentials (Dijkstra on non-negative reduced costs), one unit of hromada capacity at a time —
 * the Jonker–Volgenant scheme generalised to capacities. Each hromada has an outlet arc of cost 0 to the
 * sink ("stays unmatched"), so a path that would lower the total is never taken. Dijkstra stops when it
 * settles the sink and only settled nodes' potentials move, so a search explores just the contested
 * neighbourhood. Deterministic: edges are put in canonical order, and the search breaks distance ties by
 * node index.
 */
export function assignRound(
  graph: CandidateGraph,
  hromadaCapacity: Capacities,
  euCapacity: Capacities,
  options: AssignRoundOptions = {},
): RoundAssignment {
  const L = graph.hromadaIds.length;
  const R = graph.euIds.length;
  const resolution = options.scoreResolution ?? 1e-9;
  const report = options.onProgress ?? (() => undefined);
  const capL = capacityArray(hromadaCapacity, L, 'hromadaCapacity');
  const capR = capacityArray(euCapacity, R, 'euCapacity');

  // Canonical edges: positive score, deduplicated (best score kept), sorted by (hromada, eu).
  const order: number[] = [];
  for (let k = 0; k < graph.edgeScore.length; k++) {
    const h = graph.edgeHromada[k];
    const e = graph.edgeEu[k];
    if (h < 0 || h >= L || e < 0 || e >= R) throw new RangeError(`Edge ${k} points outside the graph`);
    const s = graph.edgeScore[k];
    if (!Number.isFinite(s)) throw new RangeError(`Edge ${k} has a non-finite score`);
    if (Math.round(s / resolution) > 0 && capL[h] > 0 && capR[e] > 0) order.push(k);
  }
  // The candidate graph builder already emits canonical order; sort only when needed.
  if (!isCanonical(order, graph)) {
    order.sort(
      (a, b) =>
        graph.edgeHromada[a] - graph.edgeHromada[b] ||
        graph.edgeEu[a] - graph.edgeEu[b] ||
        graph.edgeScore[b] - graph.edgeScore[a],
    );
  }
  const edges: number[] = [];
  for (const k of order) {
    const last = edges[edges.length - 1];
    if (
      last !== undefined &&
      graph.edgeHromada[last] === graph.edgeHromada[k] &&
      graph.edgeEu[last] === graph.edgeEu[k]
    )
      continue;
    edges.push(k);
  }

  // Residual network in CSR form. Nodes: hromadas 0..L-1, EU L..L+R-1, sink T = L+R.
  const T = L + R;
  const nodeCount = T + 1;
  const arcCount = 2 * (edges.length + L + R);
  const degree = new Int32Array(nodeCount + 1);
  for (const k of edges) {
    degree[graph.edgeHromada[k]]++;
    degree[L + graph.edgeEu[k]]++;
  }
  for (let i = 0; i < L; i++) {
    degree[i]++;
    degree[T]++;
  }
  for (let e = 0; e < R; e++) {
    degree[L + e]++;
    degree[T]++;
  }
  const start = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) start[v + 1] = start[v] + degree[v];
  const fill = start.slice(0, nodeCount);
  const head = new Int32Array(arcCount);
  const rev = new Int32Array(arcCount);
  const cap = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const edgeArc = new Int32Array(edges.length);
  const addArc = (u: number, v: number, c: number, w: number): number => {
    const a = fill[u]++;
    const b = fill[v]++;
    head[a] = v;
    cap[a] = c;
    cost[a] = w;
    rev[a] = b;
    head[b] = u;
    cap[b] = 0;
    cost[b] = -w;
    rev[b] = a;
    return a;
  };
  edges.forEach((k, idx) => {
    edgeArc[idx] = addArc(
      graph.edgeHromada[k],
      L + graph.edgeEu[k],
      1,
      -Math.round(graph.edgeScore[k] / resolution),
    );
  });
  for (let i = 0; i < L; i++) addArc(i, T, capL[i], 0); // outlet: the unit stays unmatched
  const sinkArc = new Int32Array(R);
  for (let e = 0; e < R; e++) sinkArc[e] = addArc(L + e, T, capR[e], 0);
  // An EU node's only useful residual arcs are to the sink and back to the hromadas it is matched with;
  // scanning its full list (every hromada that shortlisted it) would dominate the search, so the
  // matched arcs are kept apart: at most capR[e] of them.
  const matchStart = new Int32Array(R + 1);
  for (let e = 0; e < R; e++) matchStart[e + 1] = matchStart[e] + capR[e];
  const matchArc = new Int32Array(matchStart[R]);
  const matchCount = new Int32Array(R);

  const pot = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount).fill(Infinity);
  const prevArc = new Int32Array(nodeCount).fill(-1);
  const settled = new Uint8Array(nodeCount);
  const touched = new Int32Array(nodeCount);
  const heap = new NodeHeap(arcCount + nodeCount);
  let searches = 0;
  let settledNodes = 0;
  const step = Math.max(1, Math.floor(L / 100));
  let touchedCount = 0;
  const relax = (u: number, du: number, a: number): void => {
    const v = head[a];
    if (settled[v]) return;
    const nd = du + cost[a] + pot[u] - pot[v];
    if (nd < dist[v]) {
      if (dist[v] === Infinity) touched[touchedCount++] = v;
      dist[v] = nd;
      prevArc[v] = a;
      heap.push(nd, v);
    }
  };

  for (let h = 0; h < L; h++) {
    if (capL[h] > 0) {
      // A fresh hromada has no incoming residual arc, so its potential may be raised freely until all
      // its outgoing arcs have non-negative reduced cost.
      let p = pot[T];
      for (let a = start[h]; a < start[h + 1]; a++) if (cap[a] > 0) p = Math.max(p, pot[head[a]] - cost[a]);
      pot[h] = p;
    }
    for (let unit = 0; unit < capL[h]; unit++) {
      searches++;
      touchedCount = 0;
      dist[h] = 0;
      touched[touchedCount++] = h;
      heap.push(0, h);
      while (heap.size > 0) {
        const u = heap.popNode();
        const du = heap.lastKey;
        if (settled[u] || du > dist[u]) continue;
        settled[u] = 1;
        settledNodes++;
        if (u === T) break;
        if (u < L) {
          for (let a = start[u]; a < start[u + 1]; a++) {
            if (cap[a] !== 0) relax(u, du, a);
          }
        } else {
          const e = u - L;
          if (cap[sinkArc[e]] !== 0) relax(u, du, sinkArc[e]);
          for (let m = matchStart[e], end = m + matchCount[e]; m < end; m++) relax(u, du, rev[matchArc[m]]);
        }
      }
      heap.clear();
      const D = dist[T];
      // Only settled nodes move (by d − D); unsettled ones keep theirs — a uniform shift of the capped update.
      for (let t = 0; t < touchedCount; t++) {
        const v = touched[t];
        if (settled[v]) pot[v] += dist[v] - D;
        dist[v] = Infinity;
        settled[v] = 0;
      }
      // Augment one unit along the path (every arc on it has residual capacity ≥ 1).
      let v = T;
      let viaOutlet = false;
      while (v !== h) {
        const a = prevArc[v];
        cap[a]--;
        cap[rev[a]]++;
        const u = head[rev[a]];
        if (u < L && v < T) {
          // hromada → EU: the pair is now matched
          const e = v - L;
          matchArc[matchStart[e] + matchCount[e]++] = a;
        } else if (u >= L && u < T && v < L) {
          // EU → hromada: the pair is released
          const e = u - L;
          const forward = rev[a];
          const last = matchStart[e] + --matchCount[e];
          for (let m = matchStart[e]; m <= last; m++) {
            if (matchArc[m] === forward) {
              matchArc[m] = matchArc[last];
              break;
            }
          }
        }
        if (v === T && u === h) viaOutlet = true;
        v = u;
      }
      // Its own outlet was the best option: the remaining units of this hromada would be unmatched too.
      if (viaOutlet) break;
    }
    if ((h + 1) % step === 0 || h + 1 === L) report({ phase: 'assign', done: h + 1, total: L });
  }

  const pairs: AssignedPair[] = [];
  let totalScore = 0;
  edges.forEach((k, idx) => {
    if (cap[edgeArc[idx]] !== 0) return;
    const hi = graph.edgeHromada[k];
    const ei = graph.edgeEu[k];
    const score = graph.edgeScore[k];
    totalScore += score;
    pairs.push({
      hromadaIndex: hi,
      euIndex: ei,
      hromadaId: graph.hromadaIds[hi],
      euId: graph.euIds[ei],
      score,
    });
  });
  const upperBound = dualUpperBound(graph, capL, capR, pot, L, T, resolution);
  return { pairs, totalScore, upperBound, stats: { searches, settledNodes, edges: edges.length } };
}

/**
 * Weak duality: any y_h, z_e, g_he ≥ 0 with y_h + z_e + g_he ≥ score(h, e) for every allowed pair give
 * Σ a_h·y_h + Σ b_e·z_e + Σ g_he ≥ the best total. z comes from the potentials (the price of a saturated
 * EU municipality); given z, the cheapest y_h is the a_h-th largest score − z_e of its edges, but at least
 * its cutoff, which covers every pair left out of the graph (z ≥ 0 there); g covers the rest.
 */
function dualUpperBound(
  graph: CandidateGraph,
  capL: Int32Array,
  capR: Int32Array,
  pot: Float64Array,
  L: number,
  T: number,
  resolution: number,
): number {
  const R = capR.length;
  const z = new Float64Array(R);
  let bound = 0;
  for (let e = 0; e < R; e++) {
    z[e] = Math.max(0, (pot[T] - pot[L + e]) * resolution);
    bound += capR[e] * z[e];
  }
  // Group score − z by hromada in one typed array (counting sort), then per hromada: y is its
  // a_h-th largest value (or its cutoff), and the values above y are paid by g.
  const offset = new Int32Array(L + 1);
  for (let k = 0; k < graph.edgeScore.length; k++)
    if (capR[graph.edgeEu[k]] > 0) offset[graph.edgeHromada[k] + 1]++;
  for (let h = 0; h < L; h++) offset[h + 1] += offset[h];
  const values = new Float64Array(offset[L]);
  const fill = offset.slice(0, L);
  for (let k = 0; k < graph.edgeScore.length; k++) {
    const e = graph.edgeEu[k];
    if (capR[e] > 0) values[fill[graph.edgeHromada[k]]++] = graph.edgeScore[k] - z[e];
  }
  for (let h = 0; h < L; h++) {
    if (capL[h] === 0) continue; // such a hromada can never be assigned: no constraint
    const row = values.subarray(offset[h], offset[h + 1]).sort(); // ascending
    const kth = capL[h] <= row.length ? row[row.length - capL[h]] : 0;
    const y = Math.max(0, graph.hromadaCutoff?.[h] ?? 0, kth);
    bound += capL[h] * y;
    for (let i = 0; i < row.length; i++) bound += Math.max(0, row[i] - y);
  }
  return bound;
}

/** Whether edge indices are already ordered by (hromada, EU). */
function isCanonical(order: readonly number[], graph: CandidateGraph): boolean {
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1];
    const b = order[i];
    const dh = graph.edgeHromada[a] - graph.edgeHromada[b];
    if (dh > 0 || (dh === 0 && graph.edgeEu[a] >= graph.edgeEu[b])) return false;
  }
  return true;
}

function capacityArray(c: Capacities, n: number, name: string): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = typeof c === 'number' ? c : c[i];
    if (!Number.isInteger(x) || x < 0)
      throw new RangeError(`${name}[${i}] must be a non-negative integer, got ${x}`);
    out[i] = x;
  }
  return out;
}

/** Binary min-heap of (key, node) with lazy deletion; ties break by the lower node index. */
class NodeHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;
  /** Key of the node last returned by {@link popNode}. */
  lastKey = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = this.keys[p];
      if (pk < key || (pk === key && this.nodes[p] <= node)) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[p];
      i = p;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  popNode(): number {
    const node = this.nodes[0];
    this.lastKey = this.keys[0];
    const n = --this.size;
    if (n > 0) {
      const key = this.keys[n];
      const last = this.nodes[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (
          c + 1 < n &&
          (this.keys[c + 1] < this.keys[c] ||
            (this.keys[c + 1] === this.keys[c] && this.nodes[c + 1] < this.nodes[c]))
        )
          c++;
        if (key < this.keys[c] || (key === this.keys[c] && last <= this.nodes[c])) break;
        this.keys[i] = this.keys[c];
        this.nodes[i] = this.nodes[c];
        i = c;
      }
      this.keys[i] = key;
      this.nodes[i] = last;
    }
    return node;
  }
}
