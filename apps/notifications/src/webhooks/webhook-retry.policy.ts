/**
 * When to try a failed webhook delivery again, and when to give up. Pure functions: the clock and the
 * random source are parameters, so schedules are reproducible in tests and in incident reviews.
 */

/** Tunables of the retry schedule. */
export interface RetryScheduleOptions {
  /** Delay before the 2nd attempt, before jitter. Default 30 s. */
  baseDelayMs?: number;
  /** Growth per attempt. Default 2. */
  multiplier?: number;
  /** Upper bound of any single delay, before jitter. Default 6 h. */
  maxDelayMs?: number;
  /**
   * Share of the delay that is randomised, in [0, 1]. Default 0.5 ("equal jitter": the delay lands in
   * [d/2, d]), which spreads retries of many subscribers apart yet never retries immediately.
   */
  jitterRatio?: number;
  /** Source of randomness in [0, 1). Default Math.random. */
  random?: () => number;
}

/** Attempts per delivery (the first one included) before it is declared dead. */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 12;

const DEFAULTS = { baseDelayMs: 30_000, multiplier: 2, maxDelayMs: 6 * 60 * 60 * 1000, jitterRatio: 0.5 };

/**
 * Delay after failed attempt number `attempt` (1 = the first attempt failed):
 * `min(base * multiplier^(attempt-1), max)`, of which `jitterRatio` is randomised.
 * With defaults: ~30 s, 1 min, 2 min, 4 min, … capped at 6 h (each between half and all of that).
 */
export function backoffDelayMs(attempt: number, options: RetryScheduleOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const multiplier = options.multiplier ?? DEFAULTS.multiplier;
  const max = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const jitterRatio = clamp01(options.jitterRatio ?? DEFAULTS.jitterRatio);
  const random = options.random ?? Math.random;
  // The exponent is bounded so a huge attempt number cannot overflow to Infinity before the cap applies.
  const exponential = Math.min(max, base * Math.pow(multiplier, Math.min(attempt - 1, 64)));
  const fixed = exponential * (1 - jitterRatio);
  return Math.round(fixed + exponential * jitterRatio * clamp01(random()));
}

/** When to run the next attempt after failed attempt number `attempt`. */
export function nextAttemptAt(
  attempt: number,
  now: Date = new Date(),
  options: RetryScheduleOptions = {},
): Date {
  return new Date(now.getTime() + backoffDelayMs(attempt, options));
}

/** What to do with a delivery after an attempt failed. */
export type RetryDecision = { action: 'retry'; at: Date } | { action: 'dead' };

/**
 * Retry with backoff until `maxAttempts` attempts were made, or stop now if the failure is permanent.
 */
export function decideAfterFailedAttempt(
  attempt: number,
  failure: 'transient' | 'permanent',
  now: Date = new Date(),
  options: RetryScheduleOptions & { maxAttempts?: number } = {},
): RetryDecision {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_DELIVERY_ATTEMPTS;
  if (failure === 'permanent' || attempt >= maxAttempts) return { action: 'dead' };
  return { action: 'retry', at: nextAttemptAt(attempt, now, options) };
}

/**
 * How a receiver's answer counts: 2xx delivered; timeouts, 408, 425, 429 and 5xx are worth retrying;
 * other 4xx (bad URL, signature rejected, gone) will not fix themselves by waiting.
 * `undefined` means no HTTP response at all (connection refused, DNS, timeout): transient.
 */
export function classifyWebhookResponse(status: number | undefined): 'delivered' | 'transient' | 'permanent' {
  if (status === undefined) return 'transient';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
