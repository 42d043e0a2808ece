import { setTimeout as sleep } from 'node:timers/promises';

/** SQLSTATEs PostgreSQL aborts a transaction with when concurrent ones conflict: retrying is safe. */
const CONTENTION_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Attempts of one unit of work before giving up. */
export const CONTENTION_ATTEMPTS = 4;

/** True for an error PostgreSQL raised because a concurrent transaction conflicted with this one. */
export function isContention(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && CONTENTION_SQLSTATES.has(code);
}

/**
 * Runs `transaction` (a whole database transaction: nothing of a failed attempt remains) and runs it again
 * when PostgreSQL aborted it for contention, after a short jittered pause; after `attempts` attempts it
 * throws what `exhausted` makes of the last error — each service's own 409, never a 500. Lock ordering
 * keeps contention rare; this is the net.
 */
export async function retryOnContention<T>(
  transaction: () => Promise<T>,
  exhausted: (cause: unknown) => Error,
  attempts = CONTENTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isContention(error)) throw error;
      if (attempt >= attempts) throw exhausted(error);
      await sleep(Math.random() * 25 * 2 ** attempt);
    }
  }
}
