import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_ID_HEADER, CorrelationContext } from './correlation.context';

/** Request as the platform sees it; `id` (declared by pino-http) is logged as the request id. */
export interface CorrelatedRequest extends Request {
  correlationId?: string;
}

/**
 * Gives the request its correlation id (from `x-correlation-id`, else a new one), echoes it in the
 * response header, and is idempotent so every layer can call it.
 */
export function resolveCorrelationId(req: CorrelatedRequest, res: Response): string {
  if (req.correlationId) return req.correlationId;
  const id = CorrelationContext.accept(req.headers[CORRELATION_ID_HEADER]);
  req.correlationId = id;
  req.id = id;
  if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}

/**
 * Express middleware, mounted before the body parser so even a malformed-JSON response carries the
 * header, and so the rest of the request runs inside {@link CorrelationContext}.
 */
export function correlationIdMiddleware(req: CorrelatedRequest, res: Response, next: NextFunction): void {
  const id = resolveCorrelationId(req, res);
  CorrelationContext.run(id, next);
}
