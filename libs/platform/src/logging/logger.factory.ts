import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { BaseEnv } from '../config/base.env';
import { CorrelationContext } from './correlation.context';
import { resolveCorrelationId, type CorrelatedRequest } from './correlation-id.middleware';

/** Options for {@link createRootLogger}. */
export interface RootLoggerOptions {
  /** Service name written on every line (`service`). */
  readonly service?: string;
  /** Where lines go; LOG_FILE or stdout when omitted. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/** Paths never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** Paths that are scraped or probed constantly; their request lines would drown the rest. */
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;

function prettyTransportAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * One synchronous destination per LOG_FILE for the process's life: apps closed and booted again (as
 * tests do) share its descriptor instead of opening one each, and a line is on disk once written.
 */
const fileDestinations = new Map<string, DestinationStream>();

function fileDestination(path: string): DestinationStream {
  let destination = fileDestinations.get(path);
  if (!destination) {
    destination = pino.destination({ dest: path, append: true, mkdir: true, sync: true });
    fileDestinations.set(path, destination);
  }
  return destination;
}

/**
 * The process's pino logger: JSON, level from LOG_LEVEL, and `correlationId` on every line written
 * inside a {@link CorrelationContext} (mixins merge into the line, so the key is never duplicated).
 * Lines go to LOG_FILE when set, else to stdout. Pretty output only on stdout, when
 * NODE_ENV=development and pino-pretty is installed.
 */
export function createRootLogger(
  env: Pick<BaseEnv, 'LOG_LEVEL' | 'NODE_ENV'> & Partial<Pick<BaseEnv, 'LOG_FILE'>>,
  options: RootLoggerOptions = {},
): Logger {
  const config: LoggerOptions = {
    level: env.LOG_LEVEL,
    base: options.service ? { service: options.service } : undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const correlationId = CorrelationContext.current();
      return correlationId ? { correlationId } : {};
    },
  };
  if (options.destination) return pino(config, options.destination);
  if (env.LOG_FILE) return pino(config, fileDestination(env.LOG_FILE));
  if (env.NODE_ENV === 'development' && prettyTransportAvailable()) {
    return pino({ ...config, transport: { target: 'pino-pretty', options: { singleLine: true } } });
  }
  return pino(config);
}

/**
 * pino-http middleware on `root`: the request id is the correlation id, the completion line carries
 * it too (it may be written after the request's async context has ended), 4xx log as warn and 5xx as
 * error, and health/metrics probes are not logged.
 */
export function createHttpLogger(root: Logger): HttpLogger {
  const withCorrelation = (req: IncomingMessage, val: object): object => ({
    ...val,
    correlationId: (req as CorrelatedRequest).correlationId,
  });
  return pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) =>
      resolveCorrelationId(req as CorrelatedRequest, res as never),
    customLogLevel: (_req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    customSuccessObject: (req, _res, val: object) => withCorrelation(req, val),
    customErrorObject: (req, _res, _err, val: object) => withCorrelation(req, val),
    autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
    serializers: {
      req: (req: { id: unknown; method: unknown; url: unknown; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        headers: { 'user-agent': req.headers['user-agent'], 'content-length': req.headers['content-length'] },
      }),
      // Status only: response headers repeat the same security headers on every line.
      res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
    },
  });
}
