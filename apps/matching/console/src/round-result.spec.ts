import { optimalityGap, roundInProgress } from './round-result';

describe('round result', () => {
  it('should call a total equal to its upper bound (up to rounding) proven optimal', () => {
    expect(optimalityGap({ totalScore: 812.4, upperBound: 812.4 + 1e-8 })).toBe(0);
  });

  it('should report the relative gap when the bound is above the total', () => {
    expect(optimalityGap({ totalScore: 90, upperBound: 100 })).toBeCloseTo(0.1, 12);
  });

  it('should report no gap before the round has a result', () => {
    expect(optimalityGap({ totalScore: null, upperBound: null })).toBeNull();
  });

  it('should poll only a requested or running round', () => {
    expect(
      ['requested', 'running', 'completed', 'failed'].map((status) => roundInProgress({ status } as never)),
    ).toEqual([true, true, false, false]);
  });
});
