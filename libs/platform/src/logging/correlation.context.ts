import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** HTTP header that carries the correlation id in and out. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

interface CorrelationStore {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

// Accept ids other systems generate (UUIDs, W3C trace ids, ULIDs) but nothing that could smuggle log
// or header injection.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The correlation id of the work in progress, kept across awaits with AsyncLocalStorage. HTTP requests
 * enter it automatically; a Kafka consumer wraps each handler in {@link CorrelationContext.run} with
 * the event's correlation id, so every log line and every event it emits carries the same id.
 */
export class CorrelationContext {
  /** Runs `fn` with `correlationId` as the current id (nested runs shadow the outer one). */
  static run<T>(correlationId: string, fn: () => T): T {
    return storage.run({ correlationId }, fn);
  }

  /** The current id, or undefined outside any request or handler. */
  static current(): string | undefined {
    return storage.getStore()?.correlationId;
  }

  /** A fresh id for work that starts here (a new request, a scheduled job). */
  static generate(): string {
    return randomUUID();
  }

  /** `candidate` when it is a safe id, else a fresh one: never trust a header blindly. */
  static accept(candidate: unknown): string {
    return typeof candidate === 'string' && SAFE_ID.test(candidate)
      ? candidate
      : CorrelationContext.generate();
  }
}
