import { setTimeout as sleep } from 'node:timers/promises';
import { ContendedError } from './logistics.errors';

/** SQLSTATEs PostgreSQL aborts a transaction with when concurrent ones conflict: retrying is safe. */
const CONTENTION_SQLSTATES = new Set(['40001', '40P01']);

export const CONTENTION_ATTEMPTS = 4;

export function isContention(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && CONTENTION_SQLSTATES.has(code);
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it for a deadlock or serialization failure, after
 * a short jittered pause; then 409 {@link ContendedError}. Lock ordering keeps this rare; this is the net.
 */
export async function retryOnContention<T>(
  transaction: () => Promise<T>,
  attempts = CONTENTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isContention(error)) throw error;
      if (attempt >= attempts) throw new ContendedError(error);
      await sleep(Math.random() * 25 * 2 ** attempt);
    }
  }
}
