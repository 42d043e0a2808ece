import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsService } from './metrics.service';

/** Label for requests that never reached a route (404s, bodies rejected by the parser). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Express middleware timing every request into `http_request_duration_seconds`. The route label is
 * the matched template (`/municipalities/:id`), never the raw URL, so cardinality stays bounded.
 * Mounted before the body parser so rejected bodies (400/413) are counted too.
 */
export function createHttpMetricsMiddleware(metrics: MetricsService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : UNMATCHED_ROUTE;
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
