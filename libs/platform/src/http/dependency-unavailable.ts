import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Seconds a client is asked to wait (`Retry-After`) when a dependency is unreachable: long enough
 * for a database failover or restart to make progress, short enough not to strand a user.
 */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs that mean "the database cannot serve you right now", not "your query is wrong":
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket errors of a connection that could not be made or was cut. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports a dropped or timed-out connection with a message and no code. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * TypeORM's own errors for a connection that is already gone: a transaction whose connection the
 * server dropped fails its rollback (or next query) with these, hiding the driver error behind them.
 */
const RELEASED_CONNECTION_ERRORS = [QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError];

/** How far into `cause` / `driverError` / AggregateError chains to look. */
const MAX_CHAIN = 5;

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, `cause`, the attempts of an
 * AggregateError) says a dependency such as PostgreSQL is unreachable or refusing connections. Such a
 * request did not fail because of its content: it may succeed if retried, so the answer is 503.
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_CHAIN) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code)))
    return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (RELEASED_CONNECTION_ERRORS.some((kind) => error instanceof kind)) return true;
  const wrapped: unknown[] = [
    e.driverError,
    e.cause,
    ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : []),
  ];
  return wrapped.some((inner) => isDependencyUnavailable(inner, depth + 1));
}
