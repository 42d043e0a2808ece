import type { Response } from 'express';
import type { CommandResult } from '../idempotency/idempotent-commands';
import { etagOf } from '@bridges/platform';

/**
 * 201 with `Location` (and `ETag` when versioned) for a created resource; a replay of an earlier request
 * with the same Idempotency-Key says so in `Idempotent-Replayed: true` and answers the same body.
 */
export function created<T extends { id: string; version?: number }>(
  res: Response,
  location: string,
  result: CommandResult<T>,
): T {
  res.setHeader('Location', `${location}/${result.body.id}`);
  if (result.body.version !== undefined) res.setHeader('ETag', etagOf(result.body.version));
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}
