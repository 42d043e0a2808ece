import type { EuMunicipalityProfile, HromadaProfile } from './candidate-profile';
import { type Campaign, FACTOR_KEYS, type FactorKey } from './campaign';
import {
  type PreparedHromada,
  PreparedEuPool,
  isEuEligible,
  isHromadaEligible,
  prepareHromada,
} from './prepared-profile';
import {
  distanceFactor,
  greatCircleKm,
  landscapeMatch,
  languageOverlap,
  unitVector,
  priorityJaccard,
  prosperitySimilarity,
  SIZE_POPULATION_SHARE,
  sectorCoverage,
  sizeSimilarity,
  urbanisationSimilarity,
} from './scoring-factors';
import type { OpenProposalCounts } from './open-proposal-counts';
import { intersectionCount, popcount32 } from './term-index';
import { TopKHeap } from './top-k-heap';

/** One factor of a score, as a coordinator sees it ("why this match"). */
export interface FactorScore {
  readonly factor: FactorKey;
  /** The factor itself, in [0, 1]. */
  readonly value: number;
  readonly weight: number;
  /** weight × value / Σ weights; the contributions add up to the score. */
  readonly contribution: number;
  readonly reason: string;
}

/** A scored counterpart: an EU candidate for a hromada, or a hromada for an EU volunteer. */
export interface RankedCandidate {
  readonly id: string;
  readonly rank: number;
  /** Σ weight × factor / Σ weight, in [0, 1]. */
  readonly score: number;
  readonly factors: readonly FactorScore[];
}

/** Raw best candidates: pool indices and their scores, best first. */
export interface CandidateSelection {
  readonly indices: Int32Array;
  readonly scores: Float64Array;
}

/** Number of factors, the length of every factor vector. */
export const FACTOR_COUNT = FACTOR_KEYS.length;

/**
 * Weights divided by their sum, in {@link FACTOR_KEYS} order. A factor a stored campaign predates (no
 * weight for it) is off for that campaign: it was defined without it.
 */
export function normalisedWeights(campaign: Campaign): Float64Array {
  const w = Float64Array.from(FACTOR_KEYS, (k) => campaign.weights[k] ?? 0);
  let sum = 0;
  for (const x of w) {
    if (!(x >= 0) || !Number.isFinite(x))
      throw new RangeError(`Factor weights must be finite and non-negative`);
    sum += x;
  }
  if (sum <= 0) throw new RangeError('At least one factor weight must be positive');
  for (let i = 0; i < w.length; i++) w[i] /= sum;
  return w;
}

/**
 * The factor values of one pair, in {@link FACTOR_KEYS} order, for explanations, full scans and the
 * calibration. {@link scanCandidates} calls the same factor functions inline and sums in the same order.
 * Popularity comes from `open` (live counts of a query), else from the pool's own counts.
 */
export function factorValues(
  h: PreparedHromada,
  pool: PreparedEuPool,
  j: number,
  halfKm: number,
  out: Float64Array,
  open: OpenProposalCounts = pool.openProposals,
  populationShare: number = SIZE_POPULATION_SHARE,
): void {
  out[0] = sizeSimilarity(
    h.logPopulation,
    pool.logPopulation[j],
    h.logArea,
    pool.logArea[j],
    populationShare,
  );
  out[1] = urbanisationSimilarity(h.urbanisation, pool.urbanisation[j], h.settlement, pool.settlement[j]);
  const sw = pool.sectorWords;
  out[2] = sectorCoverage(
    h.needCount,
    intersectionCount(h.needBits, 0, pool.offerBits, j * sw, sw),
    pool.offerCount[j],
  );
  const pw = pool.priorityWords;
  out[3] = priorityJaccard(
    h.priorityCount,
    pool.priorityCount[j],
    intersectionCount(h.priorityBits, 0, pool.priorityBits, j * pw, pw),
  );
  const lw = pool.languageWords;
  out[4] = languageOverlap(
    h.languageCount,
    pool.languageCount[j],
    intersectionCount(h.languageBits, 0, pool.languageBits, j * lw, lw),
  );
  out[5] = distanceFactor(greatCircleKm(h.x, h.y, h.z, pool.x[j], pool.y[j], pool.z[j]), halfKm);
  out[6] = h.priorityFactor;
  out[7] = pool.capacityFactor[j];
  out[8] = landscapeMatch(h.coastal, pool.coastal[j], h.mountain, pool.mountain[j]);
  out[9] = prosperitySimilarity(h.prosperity, pool.prosperity[j]);
  out[10] = open.popularity[j];
}

/** Score of one pair with normalised weights. */
function pairScore(
  h: PreparedHromada,
  pool: PreparedEuPool,
  j: number,
  nw: Float64Array,
  campaign: Campaign,
  buf: Float64Array,
  open: OpenProposalCounts = pool.openProposals,
): number {
  factorValues(h, pool, j, campaign.distanceHalfScoreKm, buf, open, populationShareOf(campaign));
  let s = 0;
  for (let f = 0; f < FACTOR_COUNT; f++) s += nw[f] * buf[f];
  return s;
}

/** The campaign's population share of the size similarity, else the calibrated default. */
export function populationShareOf(campaign: Campaign): number {
  return campaign.sizePopulationShare ?? SIZE_POPULATION_SHARE;
}

/** Slack for the pruning bound, far above the rounding error of an 11-term sum of values in [0, 1]. */
const PRUNE_SLACK = 1e-12;

/** Intersection size of word-1 bitsets, or of the full rows when the vocabulary needs more words. */
function shared(hBits: Uint32Array, poolBits: Uint32Array, j: number, words: number): number {
  return words === 1
    ? popcount32(hBits[0] & poolBits[j])
    : intersectionCount(hBits, 0, poolBits, j * words, words);
}

/**
 * The hot loop: scores hromada `h` (row `hIndex` of a round) against every eligible EU municipality and
 * offers each score to `heap` (pool index) and, when given, to `reverse[e]` (hromada index) — the
 * per-EU heaps of a round's reverse direction. Cheap factors (bit sets, lookups) come first; a candidate
 * whose upper bound (cheap part + the remaining weights) cannot enter any heap skips the exponential and
 * the trigonometry. Scores are summed in the same order as {@link explainPair}, so both agree to the bit.
 * Popularity comes from `open` when given (live counts), else from the pool's own counts.
 */
export function scanCandidates(
  h: PreparedHromada,
  pool: PreparedEuPool,
  campaign: Campaign,
  heap: TopKHeap,
  reverse: readonly TopKHeap[] | null = null,
  hIndex = -1,
  open: OpenProposalCounts = pool.openProposals,
): void {
  if (!isHromadaEligible(h.profile, campaign)) return;
  const eligible = pool.eligibleIndices(campaign);
  const nw = normalisedWeights(campaign);
  const [w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10] = nw;
  const halfKm = campaign.distanceHalfScoreKm;
  const populationShare = populationShareOf(campaign);
  const minScore = campaign.minScore;
  const {
    logPopulation,
    logArea,
    settlement,
    offerBits,
    offerCount,
    priorityBits,
    priorityCount,
    languageBits,
    languageCount,
    capacityFactor,
    urbanisation,
    coastal,
    mountain,
    prosperity,
    x,
    y,
    z,
  } = pool;
  const { popularity } = open;
  const { sectorWords, priorityWords, languageWords } = pool;
  const hPriority = w6 * h.priorityFactor;
  const { settlement: hSettlement, needCount, needBits, priorityCount: hPriorityCount } = h;
  const { priorityBits: hPriorityBits, languageCount: hLanguageCount, languageBits: hLanguageBits } = h;
  const { logPopulation: hLogPopulation, logArea: hLogArea, x: hx, y: hy, z: hz } = h;
  const { urbanisation: hUrban, coastal: hCoast, mountain: hMountain, prosperity: hProsperity } = h;
  // Upper bounds of what the factors not yet computed can still add, in the order they are computed.
  const afterSectors = w0 + w1 + w3 + w4 + w5 + w8 + w9 + PRUNE_SLACK;
  const afterCheap = w0 + w5 + PRUNE_SLACK;
  // The heap's threshold changes only when something is pushed, so it is cached between pushes.
  let heapThreshold = heap.threshold;
  for (let e = 0; e < eligible.length; e++) {
    const j = eligible[e];
    let threshold = heapThreshold;
    if (reverse !== null) threshold = Math.min(threshold, reverse[e].threshold);
    if (threshold < minScore) threshold = minScore;
    // Sector fit weighs most and is one AND + popcount: test it first.
    const f2 = sectorCoverage(needCount, shared(needBits, offerBits, j, sectorWords), offerCount[j]);
    const f7 = capacityFactor[j];
    const f10 = popularity[j];
    if (w2 * f2 + hPriority + w7 * f7 + w10 * f10 + afterSectors <= threshold) continue;
    const f1 = urbanisationSimilarity(hUrban, urbanisation[j], hSettlement, settlement[j]);
    const f3 = priorityJaccard(
      hPriorityCount,
      priorityCount[j],
      shared(hPriorityBits, priorityBits, j, priorityWords),
    );
    const f4 = languageOverlap(
      hLanguageCount,
      languageCount[j],
      shared(hLanguageBits, languageBits, j, languageWords),
    );
    const f8 = landscapeMatch(hCoast, coastal[j], hMountain, mountain[j]);
    const f9 = prosperitySimilarity(hProsperity, prosperity[j]);
    const cheap = w1 * f1 + w2 * f2 + w3 * f3 + w4 * f4 + hPriority + w7 * f7 + w8 * f8 + w9 * f9 + w10 * f10;
    if (cheap + afterCheap <= threshold) continue;
    const f0 = sizeSimilarity(hLogPopulation, logPopulation[j], hLogArea, logArea[j], populationShare);
    if (cheap + w0 * f0 + w5 + PRUNE_SLACK <= threshold) continue;
    const f5 = distanceFactor(greatCircleKm(hx, hy, hz, x[j], y[j], z[j]), halfKm);
    // Summed in FACTOR_KEYS order, exactly as explainPair does.
    const s =
      w0 * f0 +
      w1 * f1 +
      w2 * f2 +
      w3 * f3 +
      w4 * f4 +
      w5 * f5 +
      hPriority +
      w7 * f7 +
      w8 * f8 +
      w9 * f9 +
      w10 * f10;
    if (!(s > minScore)) continue;
    if (s >= heapThreshold) {
      heap.push(s, j);
      heapThreshold = heap.threshold;
    }
    if (reverse !== null && s >= reverse[e].threshold) reverse[e].push(s, hIndex);
  }
}

/**
 * The k best eligible EU candidates of one hromada as pool indices and scores, without explanations:
 * the building block of {@link topK}. Eligibility is filtered first (cached per campaign); pairs at or
 * below `campaign.minScore` are dropped.
 */
export function selectTopCandidates(
  h: PreparedHromada,
  pool: PreparedEuPool,
  campaign: Campaign,
  k: number,
  open: OpenProposalCounts = pool.openProposals,
): CandidateSelection {
  const heap = new TopKHeap(k);
  scanCandidates(h, pool, campaign, heap, null, -1, open);
  return heap.drain();
}

/** The full factor breakdown of one pair: hromada `h` and row `j` of `pool`. */
export function explainPair(
  h: PreparedHromada,
  pool: PreparedEuPool,
  j: number,
  campaign: Campaign,
  open: OpenProposalCounts = pool.openProposals,
): { score: number; factors: FactorScore[] } {
  const nw = normalisedWeights(campaign);
  const values = new Float64Array(FACTOR_COUNT);
  factorValues(h, pool, j, campaign.distanceHalfScoreKm, values, open, populationShareOf(campaign));
  const eu = pool.profiles[j];
  const hp = h.profile;
  const reasons = reasonsFor(hp, eu, open.of(j));
  let score = 0;
  const factors = FACTOR_KEYS.map((factor, f): FactorScore => {
    score += nw[f] * values[f];
    return {
      factor,
      value: values[f],
      weight: campaign.weights[factor] ?? 0,
      contribution: nw[f] * values[f],
      reason: reasons[f],
    };
  });
  return { score, factors };
}

/**
 * Incremental matching: the top k eligible EU candidates for one hromada, best first, each with its
 * full factor breakdown. Ties rank by EU id. `open`: live open-proposal counts for the popularity factor
 * (default: the pool's own).
 */
export function topK(
  hromada: PreparedHromada | HromadaProfile,
  pool: PreparedEuPool,
  campaign: Campaign,
  k: number = campaign.topK,
  open: OpenProposalCounts = pool.openProposals,
): RankedCandidate[] {
  const h = 'needBits' in hromada ? hromada : prepareHromada(hromada, pool.vocabulary);
  const { indices } = selectTopCandidates(h, pool, campaign, k, open);
  return Array.from(indices, (j, r) => ({
    id: pool.ids[j],
    rank: r + 1,
    ...explainPair(h, pool, j, campaign, open),
  }));
}

/**
 * The symmetric query: an EU municipality volunteers, score the given hromadas (the caller passes those
 * still seeking a partner) and return the best k with breakdowns. Empty when the municipality is not
 * eligible in the campaign. Ties rank by hromada id.
 */
export function scoreHromadasForVolunteer(
  eu: EuMunicipalityProfile,
  hromadas: readonly HromadaProfile[],
  campaign: Campaign,
  k: number = campaign.topK,
): RankedCandidate[] {
  if (!isEuEligible(eu, campaign)) return [];
  const pool = new PreparedEuPool([eu]);
  const sorted = hromadas
    .filter((h) => isHromadaEligible(h, campaign))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prepared = sorted.map((h) => prepareHromada(h, pool.vocabulary));
  const nw = normalisedWeights(campaign);
  const buf = new Float64Array(FACTOR_COUNT);
  const heap = new TopKHeap(k);
  for (let i = 0; i < prepared.length; i++) {
    const s = pairScore(prepared[i], pool, 0, nw, campaign, buf);
    if (s > campaign.minScore) heap.push(s, i);
  }
  const { indices } = heap.drain();
  return Array.from(indices, (i, r) => ({
    id: sorted[i].id,
    rank: r + 1,
    ...explainPair(prepared[i], pool, 0, campaign),
  }));
}

const fmtInt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function common(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
}

/** "coastal, mountain" style description of the known landscape flags of a profile. */
function landscapeOf(i: { coastal?: boolean; mountain?: boolean } | undefined): string {
  const known: string[] = [];
  if (i?.coastal !== undefined) known.push(i.coastal ? 'coastal' : 'inland');
  if (i?.mountain !== undefined) known.push(i.mountain ? 'mountain' : 'not mountain');
  return known.length ? known.join(', ') : 'unknown';
}

const englishOrdinal = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** "2nd percentile", "11th percentile", "21st percentile" — an explanation is read by people. */
export function percentile(value: number | undefined): string {
  if (value === undefined) return 'unknown';
  const n = Math.round(value);
  return `${n}${ORDINAL_SUFFIX[englishOrdinal.select(n)]} percentile`;
}

/** Human-readable reasons, in {@link FACTOR_KEYS} order. */
function reasonsFor(h: HromadaProfile, eu: EuMunicipalityProfile, openProposals: number): string[] {
  const popRatio = Math.max(h.population, eu.population) / Math.max(1, Math.min(h.population, eu.population));
  const whichLarger =
    popRatio < 1.05 ? 'about equal' : eu.population > h.population ? 'municipality larger' : 'hromada larger';
  const area =
    h.areaKm2 !== null && eu.areaKm2 !== null
      ? `, area ${fmtInt.format(h.areaKm2)} vs ${fmtInt.format(eu.areaKm2)} km²`
      : ', area unknown on one side';
  const sectors = common(h.needs, eu.offers);
  const priorities = common(h.priorities, eu.priorities);
  const languages = common(h.languages, eu.languages);
  const km = greatCircleKm(...unitVector(h.lat, h.lon), ...unitVector(eu.lat, eu.lon));
  const war = (['hostsDisplaced', 'damaged', 'formerlyOccupied'] as const).filter((f) => h.warImpact[f]);
  return [
    `population ${fmtInt.format(h.population)} vs ${fmtInt.format(eu.population)} (×${popRatio.toFixed(1)}, ${whichLarger})${area}`,
    h.indicators?.urbanisation !== undefined && eu.indicators?.urbanisation !== undefined
      ? `degree of urbanisation: ${h.indicators.urbanisation} hromada, ${eu.indicators.urbanisation} municipality`
      : `${h.settlementType} hromada, ${eu.settlementType} municipality`,
    h.needs.length === 0
      ? 'hromada declared no needs (neutral)'
      : eu.offers.length === 0
        ? 'municipality has not declared offers yet (neutral)'
        : `offers ${sectors.length} of ${h.needs.length} needed sectors${sectors.length ? `: ${sectors.join(', ')}` : ''}`,
    h.priorities.length === 0 || eu.priorities.length === 0
      ? 'priorities missing on one side (neutral)'
      : `${priorities.length} shared priorities${priorities.length ? `: ${priorities.join(', ')}` : ''}`,
    h.languages.length === 0 || eu.languages.length === 0
      ? 'languages missing on one side (neutral)'
      : languages.length
        ? `shared languages: ${languages.join(', ')}`
        : 'no shared working language',
    `${fmtInt.format(km)} km apart`,
    `${h.hasInternationalPartner ? 'already has' : 'has no'} international partner${war.length ? `; war impact: ${war.join(', ')}` : ''}`,
    `${eu.capacity} free slot(s), ${eu.existingPartnershipCount} existing partnership(s)`,
    `hromada ${landscapeOf(h.indicators)}; municipality ${landscapeOf(eu.indicators)}`,
    `prosperity within own country: hromada ${percentile(h.indicators?.prosperityPercentile)}, municipality ${percentile(eu.indicators?.prosperityPercentile)}`,
    openProposals === 0
      ? 'not yet proposed to another hromada'
      : `already proposed to ${openProposals} other hromada(s): ranked a little lower so proposals spread over the pool`,
  ];
}

/**
 * Scores one hromada against every eligible EU municipality: `out[e]` is the score of pool row
 * `eligible[e]` (the returned array), or -Infinity when the hromada is not eligible. For callers that
 * need all scores, such as the reverse direction of a round's candidate graph.
 */
export function scoreEligible(
  h: PreparedHromada,
  pool: PreparedEuPool,
  campaign: Campaign,
  out: Float64Array,
  open: OpenProposalCounts = pool.openProposals,
): Int32Array {
  const eligible = pool.eligibleIndices(campaign);
  if (out.length < eligible.length) throw new RangeError('Output buffer shorter than the eligible pool');
  if (!isHromadaEligible(h.profile, campaign)) {
    out.fill(-Infinity, 0, eligible.length);
    return eligible;
  }
  const nw = normalisedWeights(campaign);
  const buf = new Float64Array(FACTOR_COUNT);
  for (let e = 0; e < eligible.length; e++) out[e] = pairScore(h, pool, eligible[e], nw, campaign, buf, open);
  return eligible;
}
