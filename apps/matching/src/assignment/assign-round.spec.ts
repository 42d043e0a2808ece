import { seededRandom as prng } from '@bridges/testing/seeded-random';
import { assignRound } from './assign-round';
import type { CandidateGraph } from './candidate-graph';
import type { RoundProgress } from './round-progress';

function graphOf(l: number, r: number, edges: readonly [number, number, number][]): CandidateGraph {
  return {
    hromadaIds: Array.from({ length: l }, (_, i) => `H${i}`),
    euIds: Array.from({ length: r }, (_, j) => `E${j}`),
    edgeHromada: Int32Array.from(edges, (e) => e[0]),
    edgeEu: Int32Array.from(edges, (e) => e[1]),
    edgeScore: Float64Array.from(edges, (e) => e[2]),
  };
}

/** Exhaustive optimum: every subset of edges that respects the capacities. */
function bruteForce(
  l: number,
  r: number,
  edges: readonly [number, number, number][],
  capL: number[],
  capR: number[],
): number {
  let best = 0;
  const usedL = new Array<number>(l).fill(0);
  const usedR = new Array<number>(r).fill(0);
  const visit = (k: number, total: number): void => {
    if (k === edges.length) {
      best = Math.max(best, total);
      return;
    }
    visit(k + 1, total);
    const [h, e, s] = edges[k];
    if (s > 0 && usedL[h] < capL[h] && usedR[e] < capR[e]) {
      usedL[h]++;
      usedR[e]++;
      visit(k + 1, total + s);
      usedL[h]--;
      usedR[e]--;
    }
  };
  visit(0, 0);
  return best;
}

describe(assignRound.name, () => {
  it('should pick the assignment with the highest total when greedy would not', () => {
    // Greedy takes H0–E0 (0.9) and then H1–E1 (0.1) = 1.0; the optimum is H0–E1 + H1–E0 = 0.8 + 0.85.
    const g = graphOf(2, 2, [
      [0, 0, 0.9],
      [0, 1, 0.8],
      [1, 0, 0.85],
      [1, 1, 0.1],
    ]);
    const result = assignRound(g, 1, 1);
    expect(result.totalScore).toBeCloseTo(1.65, 9);
    expect(result.pairs.map((p) => `${p.hromadaId}-${p.euId}`)).toEqual(['H0-E1', 'H1-E0']);
  });

  it('should leave a hromada unmatched when matching it would lower the total', () => {
    // Matching H1 to E0 would force H0 out of E0; max weight is H0–E0 alone.
    const g = graphOf(2, 1, [
      [0, 0, 0.9],
      [1, 0, 0.5],
    ]);
    const result = assignRound(g, 1, 1);
    expect(result.pairs).toEqual([{ hromadaIndex: 0, euIndex: 0, hromadaId: 'H0', euId: 'E0', score: 0.9 }]);
  });

  it('should never assign an edge when its score is zero or negative', () => {
    const g = graphOf(2, 2, [
      [0, 0, 0],
      [1, 1, -0.3],
      [1, 0, 0.2],
    ]);
    const result = assignRound(g, 1, 1);
    expect(result.pairs.map((p) => p.euId)).toEqual(['E0']);
    expect(result.totalScore).toBeCloseTo(0.2, 12);
  });

  it('should respect an EU capacity above one when several hromadas want the same municipality', () => {
    const g = graphOf(3, 2, [
      [0, 0, 0.9],
      [1, 0, 0.8],
      [2, 0, 0.7],
      [2, 1, 0.1],
    ]);
    const result = assignRound(g, 1, [2, 1]);
    expect(result.pairs.map((p) => `${p.hromadaId}-${p.euId}`)).toEqual(['H0-E0', 'H1-E0', 'H2-E1']);
    expect(result.totalScore).toBeCloseTo(1.8, 9);
  });

  it('should give a hromada several partners but each at most once when its capacity is above one', () => {
    const g = graphOf(1, 3, [
      [0, 0, 0.9],
      [0, 0, 0.95],
      [0, 1, 0.5],
      [0, 2, 0.4],
    ]);
    const result = assignRound(g, [2], 1);
    expect(result.pairs.map((p) => p.euId)).toEqual(['E0', 'E1']);
    expect(result.totalScore).toBeCloseTo(1.45, 9);
  });

  it('should assign nothing when capacities are zero', () => {
    const g = graphOf(1, 1, [[0, 0, 0.9]]);
    expect(assignRound(g, 0, 1).pairs).toEqual([]);
    expect(assignRound(g, 1, 0).pairs).toEqual([]);
  });

  it('should break ties the same way when edges come in a different order', () => {
    const edges: [number, number, number][] = [
      [0, 0, 0.5],
      [0, 1, 0.5],
      [1, 0, 0.5],
      [1, 1, 0.5],
      [2, 0, 0.5],
    ];
    const a = assignRound(graphOf(3, 2, edges), 1, 1);
    const b = assignRound(graphOf(3, 2, [...edges].reverse()), 1, 1);
    expect(b.pairs).toEqual(a.pairs);
    expect(a.totalScore).toBeCloseTo(1, 12);
  });

  it('should reject a capacity when it is negative or fractional', () => {
    const g = graphOf(1, 1, [[0, 0, 0.9]]);
    expect(() => assignRound(g, -1, 1)).toThrow(RangeError);
    expect(() => assignRound(g, 1, [1.5])).toThrow(RangeError);
  });

  it('should report assignment progress up to the number of hromadas', () => {
    const events: RoundProgress[] = [];
    assignRound(graphOf(3, 1, [[0, 0, 0.5]]), 1, 1, { onProgress: (p) => events.push(p) });
    expect(events[events.length - 1]).toEqual({ phase: 'assign', done: 3, total: 3 });
  });

  it('should equal the brute-force optimum and respect capacities when instances are random', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = prng(seed);
      const l = 1 + Math.floor(rnd() * 4);
      const r = 1 + Math.floor(rnd() * 4);
      const capL = Array.from({ length: l }, () => Math.floor(rnd() * 3));
      const capR = Array.from({ length: r }, () => Math.floor(rnd() * 3));
      const edges: [number, number, number][] = [];
      for (let h = 0; h < l; h++)
        for (let e = 0; e < r; e++) {
          if (rnd() < 0.7) edges.push([h, e, Math.round((rnd() * 1.2 - 0.2) * 1000) / 1000]);
        }
      // Ties on purpose in a third of the instances.
      if (seed % 3 === 0) edges.forEach((edge) => (edge[2] = Math.round(edge[2] * 4) / 4));
      const result = assignRound(graphOf(l, r, edges), capL, capR);
      const expected = bruteForce(l, r, edges, capL, capR);
      expect({ seed, total: result.totalScore.toFixed(6) }).toEqual({ seed, total: expected.toFixed(6) });
      expect(result.upperBound).toBeGreaterThanOrEqual(expected - 1e-9);
      const perL = new Array<number>(l).fill(0);
      const perR = new Array<number>(r).fill(0);
      const seen = new Set<string>();
      for (const p of result.pairs) {
        perL[p.hromadaIndex]++;
        perR[p.euIndex]++;
        expect(seen.has(`${p.hromadaIndex}-${p.euIndex}`)).toBe(false);
        seen.add(`${p.hromadaIndex}-${p.euIndex}`);
        expect(p.score).toBeGreaterThan(0);
      }
      perL.forEach((n, h) => expect(n).toBeLessThanOrEqual(capL[h]));
      perR.forEach((n, e) => expect(n).toBeLessThanOrEqual(capR[e]));
    }
  });

  it("should bound the optimum of the full problem when the graph keeps only each hromada's top candidates", () => {
    let tight = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(seed * 7919);
      const l = 1 + Math.floor(rnd() * 4);
      const r = 2 + Math.floor(rnd() * 3);
      const capL = Array.from({ length: l }, () => 1 + Math.floor(rnd() * 2));
      const capR = Array.from({ length: r }, () => Math.floor(rnd() * 2) + (rnd() < 0.2 ? 1 : 0));
      const dense: [number, number, number][] = [];
      for (let h = 0; h < l; h++)
        for (let e = 0; e < r; e++) dense.push([h, e, Math.round(rnd() * 1000) / 1000]);
      // Keep each hromada's top 2; the cutoff is its 2nd best score.
      const kept: [number, number, number][] = [];
      const cutoff = new Float64Array(l);
      for (let h = 0; h < l; h++) {
        const row = dense.filter((d) => d[0] === h).sort((a, b) => b[2] - a[2] || a[1] - b[1]);
        kept.push(...row.slice(0, 2));
        cutoff[h] = row.length > 2 ? row[1][2] : 0;
      }
      const result = assignRound({ ...graphOf(l, r, kept), hromadaCutoff: cutoff }, capL, capR);
      const denseOptimum = bruteForce(l, r, dense, capL, capR);
      expect(result.totalScore).toBeLessThanOrEqual(denseOptimum + 1e-9);
      expect(result.upperBound).toBeGreaterThanOrEqual(denseOptimum - 1e-9);
      if (result.upperBound - result.totalScore < 1e-6) tight++;
    }
    // The bound is a certificate, not only a number: it must be exact on a good share of instances.
    expect(tight).toBeGreaterThan(100);
  });

  it('should make the upper bound equal the total when the graph is complete and capacities are one', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rnd = prng(seed * 31);
      const l = 1 + Math.floor(rnd() * 4);
      const r = 1 + Math.floor(rnd() * 4);
      const edges: [number, number, number][] = [];
      for (let h = 0; h < l; h++)
        for (let e = 0; e < r; e++) edges.push([h, e, Math.round(rnd() * 1000) / 1000]);
      const result = assignRound(graphOf(l, r, edges), 1, 1);
      expect({ seed, bound: result.upperBound.toFixed(6) }).toEqual({
        seed,
        bound: result.totalScore.toFixed(6),
      });
    }
  });
});
