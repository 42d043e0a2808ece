/**
 * Learning from decisions: the same conditional logit as the twin-town calibration (calibration.ts), fitted on
 * what coordinators and municipalities did with real proposals. One choice group per proposal that worked out,
 * against the proposals of the same hromada in the same campaign that did not; the features are the factor
 * scores each proposal was published with, so the fit needs no profile of the time. Pure: the reading of the
 * matching database and the report live in tools/eval-matching/from-decisions.ts.
 */
import { type ChoiceGroup, fitConditionalLogit } from './calibration';
import { FACTOR_KEYS, type FactorKey, type FactorWeights } from './campaign';

/** What became of a decided proposal, as recorded by the matching service. */
export interface DecisionRecord {
  readonly proposalId: string;
  readonly campaignId: string;
  readonly hromadaId: string;
  /** `accepted` (both sides) or `declined` (either side). */
  readonly status: 'accepted' | 'declined';
  /** The score the proposal was published with, under the campaign's weights of the time. */
  readonly score: number;
  /** Factor scores in [0, 1] as published, by factor key; a factor the proposal did not carry is absent. */
  readonly factors: Readonly<Partial<Record<FactorKey, number>>>;
  /** The partnership established from it, if any: its status now and whether it was ever `active`. */
  readonly partnership: { readonly status: string; readonly everActive: boolean } | null;
}

/**
 * Factors a refit may never move, because they are policy, not fit: popularity spreads proposals (and is confounded
 * — attractive municipalities are proposed more, so they score lower on it and are accepted more), and the hromada's
 * priority says whom to help first. Refitting them would hand their weight to size and distance and undo both.
 */
export const POLICY_FACTORS: readonly FactorKey[] = ['popularity', 'hromadaPriority'];

/** How a decision counts in the fit. */
export type DecisionOutcome = 'worked' | 'declined' | 'never-started';

/**
 * A proposal "worked" when both sides accepted it and its partnership did not end without ever becoming active;
 * one that ended before any activity counts against it, as a decline does (docs/matching.md "Learning from
 * decisions").
 */
export function decisionOutcome(record: DecisionRecord): DecisionOutcome {
  if (record.status === 'declined') return 'declined';
  const p = record.partnership;
  if (p && p.status === 'ended' && !p.everActive) return 'never-started';
  return 'worked';
}

/** One choice group with the published scores kept alongside, to compare with the weights of the time. */
export interface DecisionGroup extends ChoiceGroup {
  readonly hromadaId: string;
  readonly campaignId: string;
  readonly chosenScore: number;
  readonly otherScores: readonly number[];
}

export interface DecisionGroups {
  readonly groups: readonly DecisionGroup[];
  readonly outcomes: Readonly<Record<DecisionOutcome, number>>;
  /** Hromada–campaign lists with decisions that carry no comparison (only successes, or none). */
  readonly listsWithoutContrast: number;
  /** Factors the fit may move: not policy, published on every decision and varying inside at least one group. */
  readonly active: readonly boolean[];
}

/** Groups decisions by hromada and campaign: each proposal that worked against those of its list that did not. */
export function buildDecisionGroups(records: readonly DecisionRecord[]): DecisionGroups {
  const outcomes: Record<DecisionOutcome, number> = { worked: 0, declined: 0, 'never-started': 0 };
  const lists = new Map<string, { worked: DecisionRecord[]; failed: DecisionRecord[] }>();
  for (const r of records) {
    const outcome = decisionOutcome(r);
    outcomes[outcome]++;
    const key = `${r.campaignId}/${r.hromadaId}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = { worked: [], failed: [] }));
    (outcome === 'worked' ? list.worked : list.failed).push(r);
  }
  const everywhere = FACTOR_KEYS.map(
    (k) => records.length > 0 && records.every((r) => r.factors[k] !== undefined),
  );
  const features = (r: DecisionRecord) =>
    Float64Array.from(FACTOR_KEYS, (k, f) => (everywhere[f] ? r.factors[k]! : 0));
  const groups: DecisionGroup[] = [];
  let listsWithoutContrast = 0;
  for (const { worked, failed } of lists.values()) {
    if (worked.length === 0 || failed.length === 0) {
      listsWithoutContrast++;
      continue;
    }
    const others = failed.map(features);
    for (const w of worked) {
      groups.push({
        hromadaId: w.hromadaId,
        campaignId: w.campaignId,
        chosen: features(w),
        others,
        chosenScore: w.score,
        otherScores: failed.map((f) => f.score),
      });
    }
  }
  const varies = FACTOR_KEYS.map((_, f) =>
    groups.some((g) => g.others.some((o) => Math.abs(o[f] - g.chosen[f]) > 1e-12)),
  );
  return {
    groups,
    outcomes,
    listsWithoutContrast,
    active: FACTOR_KEYS.map((k, f) => !POLICY_FACTORS.includes(k) && everywhere[f] && varies[f]),
  };
}

/** A list's scores: of the proposal that worked, and of the ones that did not. */
export interface GroupScores {
  readonly chosen: number;
  readonly others: readonly number[];
}

/**
 * Share of (worked, did not) pairs of the same list that a scoring orders right, ties counting half:
 * 1 = every proposal that worked was ranked above every one of its list that did not, 0.5 = no better than chance.
 */
export function pairwiseAccuracy(scored: readonly GroupScores[]): number {
  let right = 0;
  let pairs = 0;
  for (const { chosen, others } of scored) {
    for (const other of others) {
      right += chosen > other ? 1 : chosen === other ? 0.5 : 0;
      pairs++;
    }
  }
  return pairs === 0 ? NaN : right / pairs;
}

/** A group scored as published (under the campaign's weights of the time). */
export const publishedScores = (g: DecisionGroup): GroupScores => ({
  chosen: g.chosenScore,
  others: g.otherScores,
});

/** A group scored by a fitted β. */
export const fittedScores = (beta: Float64Array, g: DecisionGroup): GroupScores => ({
  chosen: utility(beta, g.chosen),
  others: g.others.map((o) => utility(beta, o)),
});

/** The fitted model's score of a feature vector: β · x. */
export function utility(beta: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < beta.length; k++) s += beta[k] * x[k];
  return s;
}

export interface DecisionRefit {
  readonly beta: Float64Array;
  readonly meanLogLikelihood: number;
  /**
   * The suggested campaign weights: the active factors share the total weight they have in `current`, in the
   * fitted proportions; factors the decisions cannot inform keep their current weight. Null when the fit gave
   * every active factor 0 (the decisions do not prefer any factor).
   */
  readonly weights: FactorWeights | null;
}

/** Fits β ≥ 0 on the groups and turns it into campaign weights scaled like `current`. */
export function refitWeights(
  groups: readonly DecisionGroup[],
  active: readonly boolean[],
  current: FactorWeights,
): DecisionRefit {
  const fit = fitConditionalLogit(groups, FACTOR_KEYS.length, { active, l2: 1e-3 });
  let betaSum = 0;
  let currentSum = 0;
  FACTOR_KEYS.forEach((k, f) => {
    if (!active[f]) return;
    betaSum += fit.beta[f];
    currentSum += current[k];
  });
  if (betaSum <= 0 || currentSum <= 0)
    return { beta: fit.beta, meanLogLikelihood: fit.meanLogLikelihood, weights: null };
  const weights: Record<string, number> = { ...current };
  FACTOR_KEYS.forEach((k, f) => {
    if (active[f]) weights[k] = Number(((currentSum * fit.beta[f]) / betaSum).toFixed(3));
  });
  return { beta: fit.beta, meanLogLikelihood: fit.meanLogLikelihood, weights: weights as FactorWeights };
}

/** Deterministic fold of a hromada (FNV-1a of its id), so a hromada's decisions are never split across folds. */
export function foldOf(hromadaId: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < hromadaId.length; i++) {
    h ^= hromadaId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % folds;
}

export interface DecisionCrossValidation {
  readonly folds: number;
  /** Pairwise accuracy on held-out hromadas of the scores as published (the weights of the time). */
  readonly published: number;
  /** The same pairs, ranked by weights refitted without those hromadas. */
  readonly refitted: number;
}

/** K-fold by hromada: each fold is ranked by weights fitted on the other folds' decisions only. */
export function crossValidateByHromada(
  groups: readonly DecisionGroup[],
  active: readonly boolean[],
  folds = 5,
): DecisionCrossValidation {
  const published: GroupScores[] = [];
  const refitted: GroupScores[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = groups.filter((g) => foldOf(g.hromadaId, folds) === fold);
    const train = groups.filter((g) => foldOf(g.hromadaId, folds) !== fold);
    if (test.length === 0 || train.length === 0) continue;
    const { beta } = fitConditionalLogit(train, FACTOR_KEYS.length, { active, l2: 1e-3 });
    for (const g of test) {
      published.push(publishedScores(g));
      refitted.push(fittedScores(beta, g));
    }
  }
  return { folds, published: pairwiseAccuracy(published), refitted: pairwiseAccuracy(refitted) };
}
