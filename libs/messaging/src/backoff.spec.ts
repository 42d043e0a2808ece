import { backoffDelayMs } from './backoff';

describe(backoffDelayMs.name, () => {
  it('should stay between half and all of the ceiling when jitter is applied', () => {
    expect(backoffDelayMs(1, 200, 10_000, () => 0)).toBe(100);
    expect(backoffDelayMs(1, 200, 10_000, () => 1)).toBe(200);
  });

  it('should double the ceiling with each attempt', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, 100, 1e9, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('should never exceed the maximum when attempts grow large', () => {
    expect(backoffDelayMs(60, 200, 15_000, () => 1)).toBe(15_000);
  });
});
