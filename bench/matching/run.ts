/**
 * Matching benchmark on the real data: `npm run bench:matching`.
 * (a) incremental top-20 latency, one hromada against all 60,249 EU LAUs;
 * (b) full rounds 1,469 × 5,662 (EE, LT, LV, PL, SK) and 1,469 × 60,249, time and peak memory, each
 *     in its own child process so peak RSS is that round's own;
 * (c) optimality and speed against SciPy's exact linear_sum_assignment on the same dense score matrix.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assignRound } from '../../apps/matching/src/assignment/assign-round';
import { buildCandidateGraph } from '../../apps/matching/src/assignment/candidate-graph';
import {
  CAMPAIGN_2021_PRESET,
  type Campaign,
  defineCampaign,
} from '../../apps/matching/src/scoring/campaign';
import { scoreEligible, scoreHromadasForVolunteer, topK } from '../../apps/matching/src/scoring/match-scorer';
import { PreparedEuPool, prepareHromada } from '../../apps/matching/src/scoring/prepared-profile';
import { loadEuMunicipalities, loadHromadas } from './load-real-data';

const FIVE = ['EE', 'LT', 'LV', 'PL', 'SK'];
const ALL_EU: Campaign = defineCampaign({ id: 'bench-all', name: 'All 60,249 LAUs' });
const FIVE_ALL_SIZES: Campaign = defineCampaign({
  id: 'bench-five',
  name: 'EE, LT, LV, PL, SK, all sizes',
  euEligibility: { countries: FIVE },
});

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs: number[]): number => quantile(xs, 0.5);
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function worker(kind: string): unknown {
  const hromadas = loadHromadas();
  const eu = loadEuMunicipalities(kind === 'round-all' ? undefined : FIVE);
  const campaign =
    kind === 'round-all' ? ALL_EU : kind === 'round-2021' ? CAMPAIGN_2021_PRESET : FIVE_ALL_SIZES;
  const loadedRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const pool = new PreparedEuPool(eu);
  const prepared = hromadas
    .map((h) => prepareHromada(h, pool.vocabulary))
    .sort((a, b) => (a.profile.id < b.profile.id ? -1 : 1));
  const t1 = performance.now();
  const graph = buildCandidateGraph(prepared, pool, campaign);
  const t2 = performance.now();
  const rowOf = new Map(pool.ids.map((id, j) => [id, j]));
  const euCap = graph.euIds.map((id) => pool.capacity[rowOf.get(id)!]);
  const round = assignRound(graph, campaign.maxNewPartnersPerHromadaPerRound, euCap);
  const t3 = performance.now();
  return {
    kind,
    pool: eu.length,
    eligible: pool.eligibleIndices(campaign).length,
    prepareMs: t1 - t0,
    graphMs: t2 - t1,
    assignMs: t3 - t2,
    edges: round.stats.edges,
    searches: round.stats.searches,
    matched: round.pairs.length,
    total: round.totalScore,
    upperBound: round.upperBound,
    loadedRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

function runWorker(kind: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['-r', '@swc-node/register', __filename, '--worker', kind], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

function incrementalLatency(): { median: number; p95: number; samples: number; volunteerMedian: number } {
  const hromadas = loadHromadas();
  const pool = new PreparedEuPool(loadEuMunicipalities());
  const sample = hromadas.filter((_, i) => i % 7 === 0);
  for (const h of sample.slice(0, 20)) topK(h, pool, ALL_EU, 20); // warm-up: JIT and the eligibility cache
  const times: number[] = [];
  for (const h of sample) {
    const t = performance.now();
    const ranked = topK(h, pool, ALL_EU, 20); // includes preparing the hromada and explaining the 20
    times.push(performance.now() - t);
    if (ranked.length !== 20) throw new Error(`expected 20 candidates, got ${ranked.length}`);
  }
  const vol: number[] = [];
  for (const e of pool.profiles.filter((_, i) => i % 600 === 0)) {
    const t = performance.now();
    scoreHromadasForVolunteer(e, hromadas, ALL_EU, 20);
    vol.push(performance.now() - t);
  }
  return {
    median: median(times),
    p95: quantile(times, 0.95),
    samples: times.length,
    volunteerMedian: median(vol.slice(5)),
  };
}

/** Our sparse round vs SciPy's exact solver on the dense 1,469 × 5,662 matrix, EU columns expanded by capacity. */
function optimality(): Record<string, number | string>[] {
  const hromadas = loadHromadas();
  const pool = new PreparedEuPool(loadEuMunicipalities(FIVE));
  const prepared = hromadas
    .map((h) => prepareHromada(h, pool.vocabulary))
    .sort((a, b) => (a.profile.id < b.profile.id ? -1 : 1));
  const campaign = FIVE_ALL_SIZES;
  const eligible = pool.eligibleIndices(campaign);
  const cols: number[] = [];
  eligible.forEach((j, e) => {
    for (let c = 0; c < pool.capacity[j]; c++) cols.push(e);
  });
  const rows = prepared.length;
  const dense = new Float64Array(rows * cols.length);
  const scores = new Float64Array(eligible.length);
  const denseStart = performance.now();
  prepared.forEach((h) => scoreEligible(h, pool, campaign, scores)); // timed: what the exact solver's input costs
  const denseScoringMs = performance.now() - denseStart;
  prepared.forEach((h, i) => {
    scoreEligible(h, pool, campaign, scores);
    for (let c = 0; c < cols.length; c++) dense[i * cols.length + c] = scores[cols[c]];
  });
  const dir = mkdtempSync(join(tmpdir(), 'bridges-bench-'));
  const file = join(dir, 'scores.f64');
  writeFileSync(file, new Uint8Array(dense.buffer));
  let exact: { total: number; seconds: number; assigned: number };
  try {
    const out = execFileSync(
      'python3',
      [join(__dirname, 'exact_assignment.py'), file, String(rows), String(cols.length)],
      { encoding: 'utf8' },
    );
    exact = JSON.parse(out.trim()) as typeof exact;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rowOf = new Map(pool.ids.map((id, j) => [id, j]));
  const results: Record<string, number | string>[] = [];
  for (const [n, m] of [
    [40, 0],
    [40, 3],
    [10, 0],
    [3, 0],
  ]) {
    const runs: number[] = [];
    const assignRuns: number[] = [];
    let total = 0;
    let matched = 0;
    let upperBound = 0;
    // One untimed warm-up (JIT), then the median of five: the machine may be shared.
    for (let rep = 0; rep < 6; rep++) {
      const t = performance.now();
      const graph = buildCandidateGraph(prepared, pool, campaign, {
        candidatesPerHromada: n,
        candidatesPerEuMunicipality: m,
      });
      const euCap = graph.euIds.map((id) => pool.capacity[rowOf.get(id)!]);
      const ta = performance.now();
      const round = assignRound(graph, 1, euCap);
      const end = performance.now();
      if (rep === 0) continue;
      runs.push(end - t);
      assignRuns.push(end - ta);
      total = round.totalScore;
      matched = round.pairs.length;
      upperBound = round.upperBound;
    }
    results.push({
      graph: `top-${n} per hromada + top-${m} per EU`,
      columns: cols.length,
      ours: total,
      exact: exact.total,
      ratio: total / exact.total,
      matched,
      exactMatched: exact.assigned,
      oursMs: median(runs),
      assignMs: median(assignRuns),
      upperBound,
      exactMs: exact.seconds * 1000,
      denseScoringMs,
    });
  }
  return results;
}

function main(): void {
  const workerIndex = process.argv.indexOf('--worker');
  if (workerIndex >= 0) {
    console.log(JSON.stringify(worker(process.argv[workerIndex + 1])));
    return;
  }
  console.log(
    'Bridges matching benchmark — real data: KSE Loc Data Hub (1,469 hromadas), EDJNet LAU 2020 (Eurostat/GISCO).',
  );
  console.log(
    'SYNTHETIC (seeded, deterministic): needs, offers, priorities, languages, international partner, hosts-displaced,',
  );
  console.log(
    'EU capacity (1–3) and existing partnerships. Real: ids, population, area, centres, types, war-zone flags.\n',
  );
  const lat = incrementalLatency();
  console.log('(a) Incremental: one hromada vs all 60,249 EU LAUs, top 20 with breakdowns');
  console.table({
    topK: {
      hromadas: lat.samples,
      median: ms(lat.median),
      p95: ms(lat.p95),
      target: '< 25 ms median',
      pass: lat.median < 25,
    },
  });
  console.log(
    `    symmetric: one EU volunteer vs 1,469 hromadas, top 20: median ${ms(lat.volunteerMedian)}\n`,
  );

  console.log(
    '(b) Global rounds (candidate graph: top-40 per hromada; exact min-cost flow on it; dual bound certifies the gap)',
  );
  const rounds = ['round-five', 'round-2021', 'round-all'].map(runWorker);
  console.table(
    Object.fromEntries(
      rounds.map((r) => [
        r.kind,
        {
          'pool / eligible': `${r.pool} / ${r.eligible}`,
          prepare: ms(r.prepareMs),
          'score+graph': ms(r.graphMs),
          assign: ms(r.assignMs),
          edges: r.edges,
          matched: r.matched,
          'total score': r.total.toFixed(3),
          'proven ≥ % of optimum': `${((100 * r.total) / r.upperBound).toFixed(3)} %`,
          'peak RSS': mb(r.maxRss),
          'RSS after load': mb(r.loadedRss),
        },
      ]),
    ),
  );

  console.log(
    '\n(c) Optimality vs SciPy linear_sum_assignment (exact), dense 1,469 × 5,662 matrix, EU columns expanded by capacity',
  );
  const opt = optimality();
  console.table(
    opt.map((o) => ({
      graph: o.graph,
      'ours / optimal': `${(100 * Number(o.ratio)).toFixed(3)} %`,
      'ours / dual bound': `${((100 * Number(o.ours)) / Number(o.upperBound)).toFixed(3)} %`,
      'ours total': Number(o.ours).toFixed(4),
      'exact total': Number(o.exact).toFixed(4),
      matched: `${o.matched} / ${o.exactMatched}`,
    })),
  );
  console.log(
    '    Time (medians of 5 after a warm-up; SciPy: median of 3): solver vs solver, and end to end (scores → assignment)',
  );
  console.table(
    opt.map((o) => ({
      graph: o.graph,
      'our assignRound': ms(Number(o.assignMs)),
      'SciPy LSA': ms(Number(o.exactMs)),
      'solver speed-up': `${(Number(o.exactMs) / Number(o.assignMs)).toFixed(1)}×`,
      'ours: graph + assign': ms(Number(o.oursMs)),
      'exact: dense scores + LSA': ms(Number(o.denseScoringMs) + Number(o.exactMs)),
      'end-to-end speed-up': `${((Number(o.denseScoringMs) + Number(o.exactMs)) / Number(o.oursMs)).toFixed(1)}×`,
    })),
  );
  console.log(`    columns after capacity expansion: ${opt[0].columns}`);
}

main();
