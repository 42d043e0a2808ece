import type { NextFunction, Request, Response } from 'express';
import { findUnsafeInput } from './unsafe-input.scan';
import { validationFailed } from './validation.pipe';

/**
 * Mounted right after the body parsers: a parsed body that breaks {@link findUnsafeInput}'s rules
 * is a 400 before any middleware, guard or handler walks it (a recursive walk of a body nested
 * 5,000 levels deep overflows the stack). Raw bodies (Buffers, e.g. signed ingest) are left to the
 * handler that parses them. The validation pipe applies the same rules to queries and path values.
 */
export function rejectUnsafeBody(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return next();
  const unsafe = findUnsafeInput(body);
  next(unsafe.length > 0 ? validationFailed(unsafe) : undefined);
}
