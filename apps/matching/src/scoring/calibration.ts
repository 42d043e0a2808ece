/**
 * Calibration of factor weights on real partnerships: a conditional logit. Each group is one real pair
 * (the chosen alternative, the hromada's real partner) against sampled non-partners of the same country;
 * the probability that the real partner is chosen is softmax(β · factors). Fitting β maximises the
 * log-likelihood of the real choices, which is a smooth pairwise-ranking objective: it rewards β for
 * scoring real partners above the municipalities that were not chosen. β ≥ 0 because a factor's weight
 * must be non-negative; small L2 keeps unidentified factors at 0 instead of drifting.
 *
 * Pure and dependency-free: projected gradient ascent with backtracking, documented in docs/matching.md.
 */

/** One choice: the chosen alternative's feature vector and those of the alternatives not chosen. */
export interface ChoiceGroup {
  readonly chosen: Float64Array;
  readonly others: readonly Float64Array[];
}

export interface ConditionalLogitOptions {
  /** L2 penalty on β (per group). */
  readonly l2?: number;
  readonly maxIterations?: number;
  /** Stop when the log-likelihood improves by less than this (relative). */
  readonly tolerance?: number;
  /** Features to fit; the others stay 0 (factors that are constant within a group cannot be identified). */
  readonly active?: readonly boolean[];
}

export interface ConditionalLogitFit {
  readonly beta: Float64Array;
  /** Mean log-likelihood per group at β. */
  readonly meanLogLikelihood: number;
  readonly iterations: number;
}

/** Mean log-likelihood of the chosen alternatives and its gradient in β, minus the L2 penalty. */
export function conditionalLogitObjective(
  groups: readonly ChoiceGroup[],
  beta: Float64Array,
  l2 = 0,
): { value: number; gradient: Float64Array } {
  const d = beta.length;
  const gradient = new Float64Array(d);
  const expected = new Float64Array(d);
  let value = 0;
  for (const g of groups) {
    const uChosen = dot(beta, g.chosen);
    let max = uChosen;
    for (const o of g.others) max = Math.max(max, dot(beta, o));
    // log Σ exp(u) computed stably around the maximum utility.
    let sum = Math.exp(uChosen - max);
    expected.fill(0);
    addScaled(expected, g.chosen, sum);
    for (const o of g.others) {
      const w = Math.exp(dot(beta, o) - max);
      sum += w;
      addScaled(expected, o, w);
    }
    value += uChosen - (max + Math.log(sum));
    for (let k = 0; k < d; k++) gradient[k] += g.chosen[k] - expected[k] / sum;
  }
  const n = Math.max(1, groups.length);
  let penalty = 0;
  for (let k = 0; k < d; k++) {
    penalty += beta[k] * beta[k];
    gradient[k] = gradient[k] / n - l2 * beta[k];
  }
  return { value: value / n - (l2 / 2) * penalty, gradient };
}

/** Fits β ≥ 0 by projected gradient ascent with a backtracking step. */
export function fitConditionalLogit(
  groups: readonly ChoiceGroup[],
  dimensions: number,
  options: ConditionalLogitOptions = {},
): ConditionalLogitFit {
  const { l2 = 1e-3, maxIterations = 500, tolerance = 1e-9 } = options;
  const active = options.active ?? Array.from({ length: dimensions }, () => true);
  let beta = new Float64Array(dimensions);
  let current = conditionalLogitObjective(groups, beta, l2);
  let step = 1;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let improved = false;
    while (step > 1e-10) {
      const next = new Float64Array(dimensions);
      for (let k = 0; k < dimensions; k++)
        next[k] = active[k] ? Math.max(0, beta[k] + step * current.gradient[k]) : 0;
      const candidate = conditionalLogitObjective(groups, next, l2);
      if (candidate.value > current.value) {
        const gain = candidate.value - current.value;
        beta = next;
        current = candidate;
        step *= 1.5;
        improved = gain > tolerance * Math.max(1, Math.abs(candidate.value));
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { beta, meanLogLikelihood: current.value, iterations };
}

/**
 * Percentile rank of a target score among `scores` (0 = best, 100 = worst): the share of the others that
 * score higher, ties counting half. `scores` includes the target itself once.
 */
export function percentileRank(target: number, scores: ArrayLike<number>): number {
  let higher = 0;
  let ties = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > target) higher++;
    else if (scores[i] === target) ties++;
  }
  const others = scores.length - 1;
  if (others <= 0) return 0;
  return (100 * (higher + 0.5 * (ties - 1))) / others;
}

/** Median of a list (the mean of the middle two for an even length); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

function addScaled(into: Float64Array, x: Float64Array, w: number): void {
  for (let k = 0; k < into.length; k++) into[k] += w * x[k];
}
