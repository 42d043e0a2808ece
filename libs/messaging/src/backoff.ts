/**
 * Exponential backoff with full jitter: attempt 1 waits up to `initialMs`, each further attempt
 * doubles the ceiling up to `maxMs`. Jitter spreads retries of many instances apart.
 */
export function backoffDelayMs(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
