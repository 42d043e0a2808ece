import { seededRandom as prng } from '@bridges/testing/seeded-random';
import {
  type ChoiceGroup,
  conditionalLogitObjective,
  fitConditionalLogit,
  median,
  percentileRank,
} from './calibration';

/** Choice groups drawn from a known conditional logit: true β = [3, 0] (the second feature is noise). */
function simulatedGroups(count: number, alternatives: number, seed: number): ChoiceGroup[] {
  const rnd = prng(seed);
  const trueBeta = [3, 0];
  return Array.from({ length: count }, () => {
    const xs = Array.from({ length: alternatives }, () => Float64Array.of(rnd(), rnd()));
    const weights = xs.map((x) => Math.exp(trueBeta[0] * x[0] + trueBeta[1] * x[1]));
    let u = rnd() * weights.reduce((a, b) => a + b, 0);
    let chosen = 0;
    while (u > weights[chosen]) u -= weights[chosen++];
    return { chosen: xs[chosen], others: xs.filter((_, i) => i !== chosen) };
  });
}

describe(conditionalLogitObjective.name, () => {
  it('should give the analytic gradient (checked against finite differences)', () => {
    const groups = simulatedGroups(50, 5, 1);
    const beta = Float64Array.of(0.7, 1.3);
    const { gradient } = conditionalLogitObjective(groups, beta, 0.01);
    for (let k = 0; k < 2; k++) {
      const up = Float64Array.from(beta);
      const down = Float64Array.from(beta);
      up[k] += 1e-6;
      down[k] -= 1e-6;
      const numeric =
        (conditionalLogitObjective(groups, up, 0.01).value -
          conditionalLogitObjective(groups, down, 0.01).value) /
        2e-6;
      expect(gradient[k]).toBeCloseTo(numeric, 6);
    }
  });

  it('should be log(1/n) for β = 0 (every alternative equally likely)', () => {
    const groups = simulatedGroups(10, 4, 2);
    expect(conditionalLogitObjective(groups, new Float64Array(2)).value).toBeCloseTo(Math.log(1 / 4), 12);
  });
});

describe(fitConditionalLogit.name, () => {
  it('should recover the weight of the informative feature and keep the noise feature near zero', () => {
    const fit = fitConditionalLogit(simulatedGroups(3_000, 8, 3), 2, { l2: 0 });
    expect(fit.beta[0]).toBeGreaterThan(2.5);
    expect(fit.beta[0]).toBeLessThan(3.5);
    expect(fit.beta[1]).toBeLessThan(0.4);
  });

  it('should never make a weight negative, even when a feature works against the choice', () => {
    const groups: ChoiceGroup[] = [
      { chosen: Float64Array.of(1, 0), others: [Float64Array.of(0, 1)] },
      { chosen: Float64Array.of(1, 0), others: [Float64Array.of(0, 1)] },
    ];
    const fit = fitConditionalLogit(groups, 2);
    expect(fit.beta[1]).toBe(0);
    expect(fit.beta[0]).toBeGreaterThan(0);
  });

  it('should leave inactive features at zero', () => {
    const fit = fitConditionalLogit(simulatedGroups(200, 4, 4), 2, { active: [false, true] });
    expect(fit.beta[0]).toBe(0);
  });
});

describe(percentileRank.name, () => {
  it('should be 0 for the best, 100 for the worst and count ties half', () => {
    expect(percentileRank(9, [1, 5, 9])).toBe(0);
    expect(percentileRank(1, [1, 5, 9])).toBe(100);
    expect(percentileRank(5, [5, 5, 5, 5, 5])).toBe(50);
  });
});

describe(median.name, () => {
  it('should average the middle two of an even list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });
});
