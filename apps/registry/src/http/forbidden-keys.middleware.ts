import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Keys that can reach object prototypes when a body is merged or copied somewhere downstream. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed JSON value, or undefined. */
export function findForbiddenKey(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && FORBIDDEN.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses JSON bodies carrying `__proto__`, `constructor` or `prototype` keys. class-transformer
 * silently drops them, so without this such a body would be accepted instead of getting the 400
 * every other unknown field gets.
 */
export function rejectForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const field = Buffer.isBuffer(req.body) ? undefined : findForbiddenKey(req.body);
  if (!field) return next();
  next(
    new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [{ field, messages: ['is not an accepted field'] }],
    }),
  );
}
