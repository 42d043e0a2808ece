/**
 * `npm run eval:matching`: how well the product's scorer finds real partnerships, on the real data in
 * data/. For every calibration pair: the real partner's percentile rank (0 = top) among all LAUs of its
 * country and among the whole EU pool, next to baselines computed in the same run (population only,
 * distance only, random); the weights calibrated by conditional logit, judged leave-one-country-out; and
 * the diversity of every hromada's top-20 list. Method and results: docs/matching.md,
 * docs/matching-evaluation.md.
 *
 * `npm run eval:matching -- --from-decisions [--database-url URL] [--campaign UUID]` instead refits the
 * weights on the accepted and declined proposals and partnership outcomes in the matching database
 * (from-decisions.ts).
 */
import { cpus } from 'node:os';
import { seededRandom as prng } from '@bridges/testing/seeded-random';
import {
  type ChoiceGroup,
  fitConditionalLogit,
  median,
  percentileRank,
} from '../../apps/matching/src/scoring/calibration';
import {
  CAMPAIGN_2021_PRESET,
  DEFAULT_WEIGHTS,
  FACTOR_KEYS,
  type Campaign,
  type FactorKey,
  type FactorWeights,
  defineCampaign,
} from '../../apps/matching/src/scoring/campaign';
import {
  FACTOR_COUNT,
  factorValues,
  scoreEligible,
  selectTopCandidates,
} from '../../apps/matching/src/scoring/match-scorer';
import { OpenProposalCounts } from '../../apps/matching/src/scoring/open-proposal-counts';
import {
  PreparedEuPool,
  type PreparedHromada,
  prepareHromada,
} from '../../apps/matching/src/scoring/prepared-profile';
import { greatCircleKm, SIZE_POPULATION_SHARE } from '../../apps/matching/src/scoring/scoring-factors';
import { type CalibrationPair, loadCalibrationPairs } from './calibration-pairs';
import { fromDecisionsOptions, runFromDecisions } from './from-decisions';
import { loadProductProfiles } from './product-profiles';

const log = (line: string) => process.stdout.write(`${line}\n`);
const progress = (label: string, done: number, total: number) => {
  if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
    process.stdout.write(`  ${label}: ${done}/${total}\n`);
};

/** Factors that vary between LAUs of one country on the imported data, so the calibration can see them. */
const FITTED: readonly FactorKey[] = [
  'sizeSimilarity',
  'settlementType',
  'distance',
  'landscape',
  'prosperity',
];
/**
 * The calibration's features: the factor vector with the size similarity split into its population part
 * (slot 0) and its area part (appended, slot AREA): the size factor is linear in both, so the fitted
 * β_population / (β_population + β_area) is the population share of the size transform, fitted with the
 * weights instead of fixed by judgement.
 */
const AREA = FACTOR_COUNT;
const FEATURES = FACTOR_COUNT + 1;
/** Weight the fitted factors share in total, as the judgement weights did (size 2, settlement 1, distance 1, +2 new). */
const FITTED_TOTAL = 6;
/** Non-partners sampled per real pair (same country). */
const NEGATIVES = 200;
const TOP = 20;

interface RankSummary {
  readonly n: number;
  readonly median: number;
  readonly top10: number;
  readonly top1: number;
}

function summarise(ranks: readonly number[]): RankSummary {
  return {
    n: ranks.length,
    median: median(ranks),
    top10: ranks.filter((r) => r <= 10).length / Math.max(1, ranks.length),
    top1: ranks.filter((r) => r <= 1).length / Math.max(1, ranks.length),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function row(name: string, s: RankSummary): string {
  return `| ${name} | ${s.n} | ${s.median.toFixed(2)} | ${pct(s.top10)} | ${pct(s.top1)} |`;
}

async function main(): Promise<void> {
  if (process.argv.includes('--from-decisions')) {
    try {
      await runFromDecisions(fromDecisionsOptions(process.argv.slice(2)), log);
    } catch (error) {
      // These errors say what to do; a stack trace would only bury that.
      process.stderr.write(`eval:matching --from-decisions: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
    return;
  }
  const started = performance.now();
  log(
    `eval:matching — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const data = await loadProductProfiles(log);
  const { pairs, unjoined } = loadCalibrationPairs(data.hromadaRecords, data.euRecords);
  log(
    `calibration pairs joined: ${pairs.length} (wikipedia ${pairs.filter((p) => p.source === 'wikipedia').length}, skew ${pairs.filter((p) => p.source === 'skew').length})`,
  );
  for (const [why, n] of Object.entries(unjoined)) log(`  not joined: ${n} — ${why}`);
  log(`hromadas with strategy sectors as needs: ${data.hromadas.filter((h) => h.needs.length > 0).length}`);

  log('preparing the EU pool …');
  const pool = new PreparedEuPool(data.eu);
  const indexOf = new Map(pool.ids.map((id, j) => [id, j]));
  const hromadaById = new Map(data.hromadas.map((h) => [h.id, prepareHromada(h, pool.vocabulary)]));
  const usable = pairs.filter((p) => hromadaById.has(p.hromadaId) && indexOf.has(p.euId));
  const countries = [...new Set(usable.map((p) => p.country))].sort();

  // One eligibility object per scope, so the pool's eligibility cache is reused across weight sets.
  const countryRule = new Map(countries.map((c) => [c, { countries: [c], requireFreeCapacity: false }]));
  const poolRule = { requireFreeCapacity: false };
  const campaignFor = (
    weights: FactorWeights,
    rule: Campaign['euEligibility'],
    sizePopulationShare?: number,
  ) => defineCampaign({ id: 'eval', name: 'eval', euEligibility: rule, weights, sizePopulationShare });
  const buffer = new Float64Array(pool.size);

  /** Percentile rank of each pair's real partner under the product scorer with `weights`. */
  const productRanks = (
    weights: FactorWeights,
    subset: readonly CalibrationPair[],
    scope: 'country' | 'pool',
    sizePopulationShare?: number,
  ) =>
    subset.map((p) => {
      const campaign = campaignFor(
        weights,
        scope === 'country' ? countryRule.get(p.country)! : poolRule,
        sizePopulationShare,
      );
      const eligible = scoreEligible(hromadaById.get(p.hromadaId)!, pool, campaign, buffer);
      const target = indexOf.get(p.euId)!;
      let e = 0;
      while (eligible[e] !== target) e++;
      return percentileRank(buffer[e], buffer.subarray(0, eligible.length));
    });

  /** Same, for a baseline score function of (hromada, pool row). */
  const baselineRanks = (
    score: (h: PreparedHromada, j: number) => number,
    subset: readonly CalibrationPair[],
    scope: 'country' | 'pool',
  ) =>
    subset.map((p) => {
      const h = hromadaById.get(p.hromadaId)!;
      const eligible = pool.eligibleIndices(
        campaignFor(DEFAULT_WEIGHTS, scope === 'country' ? countryRule.get(p.country)! : poolRule),
      );
      for (let e = 0; e < eligible.length; e++) buffer[e] = score(h, eligible[e]);
      const target = indexOf.get(p.euId)!;
      return percentileRank(score(h, target), buffer.subarray(0, eligible.length));
    });
  const population = (h: PreparedHromada, j: number) => -Math.abs(h.logPopulation - pool.logPopulation[j]);
  /** Larger first, whatever the hromada: the naive reading of "the EU partner is usually the larger". */
  const largerFirst = (_: PreparedHromada, j: number) => pool.logPopulation[j];
  const distance = (h: PreparedHromada, j: number) =>
    -greatCircleKm(h.x, h.y, h.z, pool.x[j], pool.y[j], pool.z[j]);
  const random = (seed: number) => {
    const rnd = prng(seed);
    return () => rnd();
  };

  // Calibration groups: the real partner against sampled LAUs of its country.
  log(`building choice groups (${NEGATIVES} non-partners per pair) …`);
  const rnd = prng(2026);
  const active = [...FACTOR_KEYS.map((k) => FITTED.includes(k)), true];
  const groupOf = (p: CalibrationPair): ChoiceGroup => {
    const h = hromadaById.get(p.hromadaId)!;
    const features = (j: number) => {
      const out = new Float64Array(FEATURES);
      const area = new Float64Array(FACTOR_COUNT);
      factorValues(h, pool, j, CAMPAIGN_2021_PRESET.distanceHalfScoreKm, out, undefined, 1);
      factorValues(h, pool, j, CAMPAIGN_2021_PRESET.distanceHalfScoreKm, area, undefined, 0);
      // Population only in slot 0, area only (population when an area is unknown, as the factor does) at AREA.
      out[AREA] = area[0];
      return out;
    };
    const laus = pool.eligibleIndices(campaignFor(DEFAULT_WEIGHTS, countryRule.get(p.country)!));
    const target = indexOf.get(p.euId)!;
    const others: Float64Array[] = [];
    while (others.length < Math.min(NEGATIVES, laus.length - 1)) {
      const j = laus[Math.floor(rnd() * laus.length)];
      if (j !== target) others.push(features(j));
    }
    return { chosen: features(target), others };
  };
  const groups = new Map(usable.map((p) => [p, groupOf(p)]));

  /**
   * Fitted β → campaign weights and the size transform's population share: the size weight is
   * β_population + β_area; the fitted factors share {@link FITTED_TOTAL}; the rest keep their weights.
   */
  const modelFrom = (beta: Float64Array): { weights: FactorWeights; share: number } => {
    const b = Float64Array.from(FACTOR_KEYS, (_, f) => beta[f]);
    b[0] = beta[0] + beta[AREA];
    const share = b[0] > 0 ? Number((beta[0] / b[0]).toFixed(3)) : 1;
    const sum = FITTED.reduce((s, k) => s + b[FACTOR_KEYS.indexOf(k)], 0) || 1;
    const w: Record<string, number> = { ...DEFAULT_WEIGHTS };
    for (const k of FITTED) w[k] = Number(((FITTED_TOTAL * b[FACTOR_KEYS.indexOf(k)]) / sum).toFixed(3));
    return { weights: w as FactorWeights, share };
  };
  const fit = (subset: readonly CalibrationPair[]) =>
    fitConditionalLogit(
      subset.map((p) => groups.get(p)!),
      FEATURES,
      { active, l2: 1e-3 },
    );

  log('leave-one-country-out calibration …');
  const heldOut = { country: [] as number[], pool: [] as number[] };
  const foldLines: string[] = [];
  countries.forEach((c, i) => {
    const test = usable.filter((p) => p.country === c);
    const f = fit(usable.filter((p) => p.country !== c));
    const { weights: w, share } = modelFrom(f.beta);
    heldOut.country.push(...productRanks(w, test, 'country', share));
    heldOut.pool.push(...productRanks(w, test, 'pool', share));
    foldLines.push(
      `| ${c} | ${test.length} | ${FITTED.map((k) => w[k].toFixed(2)).join(' | ')} | ${share.toFixed(2)} |`,
    );
    progress('folds', i + 1, countries.length);
  });
  const full = fit(usable);
  const { weights: fitted, share: fittedShare } = modelFrom(full.beta);

  log('ranking real partners …');
  const scopes = ['country', 'pool'] as const;
  for (const scope of scopes) {
    log(
      `\n### Real partner's percentile rank among ${scope === 'country' ? 'all LAUs of its country' : 'the whole EU pool (60,249 LAUs)'}\n`,
    );
    log('| model | pairs | median | top 10 % | top 1 % |');
    log('| --- | --- | --- | --- | --- |');
    log(
      row(
        'product, judgement weights (before calibration)',
        summarise(productRanks(LEGACY_JUDGEMENT, usable, scope)),
      ),
    );
    log(row('product, calibrated weights, held-out country', summarise(heldOut[scope])));
    log(
      row(
        'product, calibrated on all pairs (in-sample)',
        summarise(productRanks(fitted, usable, scope, fittedShare)),
      ),
    );
    log(
      row(
        'product as shipped (DEFAULT_WEIGHTS, in-sample)',
        summarise(productRanks(DEFAULT_WEIGHTS, usable, scope)),
      ),
    );
    log(row('baseline: population only (similar size)', summarise(baselineRanks(population, usable, scope))));
    log(
      row(
        'baseline: EU population only (larger first)',
        summarise(baselineRanks(largerFirst, usable, scope)),
      ),
    );
    log(row('baseline: distance only', summarise(baselineRanks(distance, usable, scope))));
    log(row('baseline: random', summarise(baselineRanks(random(7), usable, scope))));
  }

  log('\n### Calibration (conditional logit, leave-one-country-out)\n');
  log(`| held-out country | pairs | ${FITTED.join(' | ')} | population share of size |`);
  log(`| --- | --- | ${FITTED.map(() => '---').join(' | ')} | --- |`);
  foldLines.forEach((l) => log(l));
  log(
    `\nFitted on all ${usable.length} pairs (mean log-likelihood ${full.meanLogLikelihood.toFixed(3)} vs ${Math.log(1 / (NEGATIVES + 1)).toFixed(3)} at random, ${full.iterations} iterations):`,
  );
  log(`weights ${JSON.stringify(fitted)}`);
  log(
    `size transform: population share ${fittedShare} (shipped SIZE_POPULATION_SHARE ${SIZE_POPULATION_SHARE}${Math.abs(fittedShare - SIZE_POPULATION_SHARE) < 0.01 ? '' : ': update it'})`,
  );

  const popTarget = summarise(baselineRanks(population, usable, 'country'));
  const held = summarise(heldOut.country);
  log("\n### Targets (held-out countries, among the LAUs of the partner's country)\n");
  log(
    `median rank ${held.median.toFixed(2)} vs population only ${popTarget.median.toFixed(2)}: ${held.median * 2 <= popTarget.median ? 'MET' : 'NOT MET'} (needs ≤ half)`,
  );
  log(
    `top 1 % ${pct(held.top1)} vs population only ${pct(popTarget.top1)}: ${held.top1 >= 1.5 * popTarget.top1 ? 'MET' : 'NOT MET'} (needs ≥ 1.5×)`,
  );

  log("\n### Diversity of the hromadas' top-20 lists\n");
  log('| pool | weights | distinct EU municipalities | largest share of lists |');
  log('| --- | --- | --- | --- |');
  const pools: [string, Campaign['euEligibility']][] = [
    ['all EU (60,249)', { requireFreeCapacity: true }],
    ['2021 preset (EE, LT, LV, PL, SK)', CAMPAIGN_2021_PRESET.euEligibility],
  ];
  const hromadaList = [...hromadaById.values()];
  const variants: [string, FactorWeights, boolean][] = [
    ['judgement (before)', LEGACY_JUDGEMENT, false],
    ['calibrated, no popularity', { ...fitted, popularity: 0 }, false],
    ...[1, 2, 3].map((w): [string, FactorWeights, boolean] => [
      `calibrated + live popularity, weight ${w}${w === DEFAULT_WEIGHTS.popularity ? ' (default)' : ''}`,
      { ...fitted, popularity: w },
      true,
    ]),
  ];
  for (const [poolName, rule] of pools) {
    for (const [name, weights, spread] of variants) {
      const campaign = campaignFor(weights, rule, fittedShare);
      const counts = new Map<number, number>();
      // As in the product's incremental matching: each hromada's list sees the open proposals so far.
      const open = new OpenProposalCounts(pool.size);
      hromadaList.forEach((h, i) => {
        const { indices } = selectTopCandidates(h, pool, campaign, TOP, spread ? open : undefined);
        for (const j of indices) {
          const n = (counts.get(j) ?? 0) + 1;
          counts.set(j, n);
          open.set(j, n);
        }
        progress(`${poolName}, ${name}`, i + 1, hromadaList.length);
      });
      const largest = Math.max(...counts.values());
      log(
        `| ${poolName} | ${name} | ${counts.size} | ${pct(largest / hromadaList.length)} (${largest} lists) |`,
      );
    }
  }
  log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The judgement weights before calibration, for the "before" rows (new factors off, as before). */
const LEGACY_JUDGEMENT: FactorWeights = {
  ...DEFAULT_WEIGHTS,
  sizeSimilarity: 2,
  settlementType: 1,
  sectorFit: 3,
  sharedPriorities: 1.5,
  languages: 1,
  distance: 1,
  hromadaPriority: 1.5,
  euCapacity: 1,
  landscape: 0,
  prosperity: 0,
  popularity: 0,
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
