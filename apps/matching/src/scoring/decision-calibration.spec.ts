import { seededRandom as prng } from '@bridges/testing/seeded-random';
import { DEFAULT_WEIGHTS, FACTOR_KEYS, type FactorKey } from './campaign';
import {
  buildDecisionGroups,
  crossValidateByHromada,
  type DecisionRecord,
  decisionOutcome,
  foldOf,
  pairwiseAccuracy,
  refitWeights,
} from './decision-calibration';

const f = (k: FactorKey) => FACTOR_KEYS.indexOf(k);

let nextId = 0;
function decision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  nextId++;
  return {
    proposalId: `p-${nextId}`,
    campaignId: 'c-1',
    hromadaId: 'h-1',
    status: 'declined',
    score: 0.5,
    factors: Object.fromEntries(FACTOR_KEYS.map((k) => [k, 0.5])),
    partnership: null,
    ...overrides,
  };
}

/**
 * Lists of four proposals per hromada whose published score followed size; what actually worked is decided
 * by distance (the one closest proposal of each list is accepted, the rest declined).
 */
function distanceDrivenDecisions(hromadas: number, seed = 1): DecisionRecord[] {
  const rnd = prng(seed);
  const out: DecisionRecord[] = [];
  for (let h = 0; h < hromadas; h++) {
    const list = Array.from({ length: 4 }, () => ({ size: rnd(), distance: rnd(), landscape: rnd() }));
    const best = list.reduce((b, x, i) => (x.distance > list[b].distance ? i : b), 0);
    list.forEach((x, i) =>
      out.push(
        decision({
          hromadaId: `h-${h}`,
          status: i === best ? 'accepted' : 'declined',
          score: x.size,
          factors: {
            ...Object.fromEntries(FACTOR_KEYS.map((k) => [k, 0.5])),
            sizeSimilarity: x.size,
            distance: x.distance,
            landscape: x.landscape,
          },
          partnership: i === best ? { status: 'active', everActive: true } : null,
        }),
      ),
    );
  }
  return out;
}

describe('decisionOutcome', () => {
  it('should count a decline against the proposal', () => {
    expect(decisionOutcome(decision({ status: 'declined' }))).toBe('declined');
  });

  it('should count an accepted proposal whose partnership is live as one that worked', () => {
    const accepted = (status: string, everActive: boolean) =>
      decision({ status: 'accepted', partnership: { status, everActive } });
    expect(decisionOutcome(accepted('established', false))).toBe('worked');
    expect(decisionOutcome(accepted('dormant', true))).toBe('worked');
    // It ended, but only after the partners had worked together.
    expect(decisionOutcome(accepted('ended', true))).toBe('worked');
  });

  it('should count a partnership that ended without ever becoming active against the proposal', () => {
    expect(
      decisionOutcome(decision({ status: 'accepted', partnership: { status: 'ended', everActive: false } })),
    ).toBe('never-started');
  });
});

describe('buildDecisionGroups', () => {
  it('should pit each proposal that worked against the failed ones of the same hromada and campaign only', () => {
    const worked = decision({ status: 'accepted', hromadaId: 'h-a', score: 0.9 });
    const failedA = decision({ hromadaId: 'h-a', score: 0.4 });
    const failedOtherCampaign = decision({ hromadaId: 'h-a', campaignId: 'c-2' });
    const failedOtherHromada = decision({ hromadaId: 'h-b' });
    const { groups, listsWithoutContrast, outcomes } = buildDecisionGroups([
      worked,
      failedA,
      failedOtherCampaign,
      failedOtherHromada,
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ hromadaId: 'h-a', campaignId: 'c-1', chosenScore: 0.9 });
    expect(groups[0].otherScores).toEqual([0.4]);
    // c-2/h-a and c-1/h-b have declines but nothing that worked: no comparison to learn from.
    expect(listsWithoutContrast).toBe(2);
    expect(outcomes).toEqual({ worked: 1, declined: 3, 'never-started': 0 });
  });

  it('should fit only factors published on every decision that differ inside some list', () => {
    const records = distanceDrivenDecisions(10);
    const withoutLandscape = records.map((r, i) =>
      i === 0 ? { ...r, factors: { ...r.factors, landscape: undefined } } : r,
    );
    const { active } = buildDecisionGroups(withoutLandscape);
    expect(active[f('distance')]).toBe(true);
    expect(active[f('sizeSimilarity')]).toBe(true);
    expect(active[f('landscape')]).toBe(false); // missing on one decision
    expect(active[f('languages')]).toBe(false); // 0.5 everywhere: nothing to learn
  });

  it('should never refit the policy factors, even when they differ inside the lists', () => {
    const records = distanceDrivenDecisions(50).map((r, i) => ({
      ...r,
      factors: { ...r.factors, popularity: 1 / (1 + (i % 7) / 10), hromadaPriority: (i % 3) / 3 },
    }));
    const { groups, active } = buildDecisionGroups(records);
    expect(active[f('popularity')]).toBe(false);
    expect(active[f('hromadaPriority')]).toBe(false);
    const w = refitWeights(groups, active, DEFAULT_WEIGHTS).weights!;
    expect(w.popularity).toBe(DEFAULT_WEIGHTS.popularity);
    expect(w.hromadaPriority).toBe(DEFAULT_WEIGHTS.hromadaPriority);
  });
});

describe('refitWeights', () => {
  it('should move the weight to the factor that decided the outcomes, keeping the total of the active factors', () => {
    const { groups, active } = buildDecisionGroups(distanceDrivenDecisions(300));
    const refit = refitWeights(groups, active, DEFAULT_WEIGHTS);
    const w = refit.weights!;
    expect(w.distance).toBeGreaterThan(3 * w.sizeSimilarity);
    expect(w.distance).toBeGreaterThan(3 * w.landscape);
    const activeKeys = FACTOR_KEYS.filter((_, i) => active[i]);
    const total = (weights: Record<FactorKey, number>) => activeKeys.reduce((s, k) => s + weights[k], 0);
    expect(total(w)).toBeCloseTo(total(DEFAULT_WEIGHTS), 2);
    // What the decisions cannot inform keeps its weight.
    expect(w.sectorFit).toBe(DEFAULT_WEIGHTS.sectorFit);
    expect(w.popularity).toBe(DEFAULT_WEIGHTS.popularity);
  });

  it('should suggest nothing when no active factor helps', () => {
    // Each list's success is the proposal with the LOWEST value of the only varying factor: β ≥ 0 stays 0.
    const records: DecisionRecord[] = [];
    for (let h = 0; h < 20; h++) {
      for (const [value, status] of [
        [0.2, 'accepted'],
        [0.8, 'declined'],
      ] as const) {
        records.push(
          decision({
            hromadaId: `h-${h}`,
            status,
            factors: { ...Object.fromEntries(FACTOR_KEYS.map((k) => [k, 0.5])), distance: value },
          }),
        );
      }
    }
    const { groups, active } = buildDecisionGroups(records);
    expect(refitWeights(groups, active, DEFAULT_WEIGHTS).weights).toBeNull();
  });
});

describe('crossValidateByHromada', () => {
  it('should rank held-out hromadas better than the published scores when those followed the wrong factor', () => {
    const { groups, active } = buildDecisionGroups(distanceDrivenDecisions(200, 7));
    const cv = crossValidateByHromada(groups, active, 5);
    expect(cv.published).toBeGreaterThan(0.35);
    expect(cv.published).toBeLessThan(0.65);
    expect(cv.refitted).toBeGreaterThan(0.9);
  });

  it('should keep a hromada in one fold', () => {
    expect(foldOf('h-42', 5)).toBe(foldOf('h-42', 5));
    const folds = new Set(Array.from({ length: 100 }, (_, i) => foldOf(`h-${i}`, 5)));
    expect([...folds].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('pairwiseAccuracy', () => {
  it('should count right orders, ties as half, and be undefined without pairs', () => {
    expect(pairwiseAccuracy([{ chosen: 2, others: [1, 2, 3] }])).toBeCloseTo(0.5);
    expect(
      pairwiseAccuracy([
        { chosen: 2, others: [1] },
        { chosen: 0, others: [1] },
      ]),
    ).toBe(0.5);
    expect(pairwiseAccuracy([{ chosen: 3, others: [1, 2] }])).toBe(1);
    expect(pairwiseAccuracy([])).toBeNaN();
  });
});
