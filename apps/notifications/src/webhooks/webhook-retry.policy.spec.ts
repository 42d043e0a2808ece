import {
  backoffDelayMs,
  classifyWebhookResponse,
  decideAfterFailedAttempt,
  nextAttemptAt,
} from './webhook-retry.policy';

const noJitter = { jitterRatio: 0 };

describe(backoffDelayMs.name, () => {
  it('should double from the base delay when there is no jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, noJitter))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('should cap the delay when the exponential exceeds the maximum', () => {
    expect(backoffDelayMs(30, noJitter)).toBe(6 * 60 * 60 * 1000);
    expect(backoffDelayMs(10_000, { ...noJitter, maxDelayMs: 1000 })).toBe(1000);
  });

  it('should stay within [d/2, d] when using the default equal jitter', () => {
    expect(backoffDelayMs(3, { random: () => 0 })).toBe(60_000);
    expect(backoffDelayMs(3, { random: () => 0.999999 })).toBe(120_000);
    expect(backoffDelayMs(3, { random: () => 0.5 })).toBe(90_000);
  });

  it('should never go below the deterministic part when random returns out-of-range values', () => {
    expect(backoffDelayMs(1, { random: () => -5 })).toBe(15_000);
    expect(backoffDelayMs(1, { random: () => 5 })).toBe(30_000);
  });

  it('should throw when attempt is not a positive integer', () => {
    expect(() => backoffDelayMs(0)).toThrow(RangeError);
    expect(() => backoffDelayMs(1.5)).toThrow(RangeError);
  });
});

describe(nextAttemptAt.name, () => {
  it('should add the backoff delay to now', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(nextAttemptAt(2, now, noJitter).toISOString()).toBe('2026-11-28T12:01:00.000Z');
  });
});

describe(decideAfterFailedAttempt.name, () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('should schedule a retry when the failure is transient and attempts remain', () => {
    expect(decideAfterFailedAttempt(1, 'transient', now, noJitter)).toEqual({
      action: 'retry',
      at: new Date('2026-11-28T12:00:30Z'),
    });
  });

  it('should give up when the failure is permanent', () => {
    expect(decideAfterFailedAttempt(1, 'permanent', now)).toEqual({ action: 'dead' });
  });

  it('should give up when the last allowed attempt failed', () => {
    expect(decideAfterFailedAttempt(12, 'transient', now)).toEqual({ action: 'dead' });
    expect(decideAfterFailedAttempt(3, 'transient', now, { maxAttempts: 3 })).toEqual({ action: 'dead' });
    expect(decideAfterFailedAttempt(2, 'transient', now, { maxAttempts: 3 }).action).toBe('retry');
  });
});

describe(classifyWebhookResponse.name, () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [undefined, 'transient'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [503, 'transient'],
    [400, 'permanent'],
    [401, 'permanent'],
    [410, 'permanent'],
    [301, 'permanent'],
  ] as const)('should classify status %s as %s', (status, expected) => {
    expect(classifyWebhookResponse(status)).toBe(expected);
  });
});
