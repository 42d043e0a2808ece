import { retryOnContention as retryTransactionOnContention } from '@bridges/persistence';
import { ContendedError } from './contention.error';

/** A transaction retried on deadlock or serialization failure; when that keeps happening, 409 {@link ContendedError}. */
export function retryOnContention<T>(transaction: () => Promise<T>): Promise<T> {
  return retryTransactionOnContention(transaction, (cause) => new ContendedError(cause));
}
