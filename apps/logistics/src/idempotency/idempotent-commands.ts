import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { retryOnContention } from '../common/retry-on-contention';
import { IdempotencyKeyReusedError } from './idempotency.errors';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

/** One creating command as the client sent it. */
export interface IdempotentCommand {
  /** The token subject; keys are per caller. */
  readonly principal: string;
  /** The `Idempotency-Key` header, if any. */
  readonly key: string | undefined;
  /** e.g. `POST /aid-requests`. */
  readonly name: string;
  /** Path parameters and validated body: what must be the same for a retry. */
  readonly request: unknown;
}

export interface CommandResult<T> {
  readonly body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  readonly replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a creating command at most once per `(caller, Idempotency-Key)`. The key row is inserted first in
 * the command's own transaction: a concurrent retry waits on that row, then reads the committed answer; if
 * the first attempt failed and rolled back, the retry runs the command itself. Same key with another
 * request → 422. Without a key the command just runs (in a transaction, retried on contention).
 */
@Injectable()
export class IdempotentCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(
    command: IdempotentCommand,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<CommandResult<T>> {
    const key = command.key;
    if (key === undefined)
      return retryOnContention(() =>
        this.dataSource.transaction(async (manager) => ({ body: await work(manager), replayed: false })),
      );
    if (!KEY_PATTERN.test(key))
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid Idempotency-Key',
        errors: [{ field: 'Idempotency-Key', messages: ['must be 1–255 visible ASCII characters'] }],
      });
    const requestHash = hashOf({ name: command.name, request: command.request });
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const inserted = await manager.query<unknown[]>(
          `INSERT INTO idempotency_record (principal, idempotency_key, command, request_hash, created_at)
           VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING RETURNING idempotency_key`,
          [command.principal, key, command.name, requestHash],
        );
        if (inserted.length === 0) {
          const first = await manager.findOneByOrFail(IdempotencyRecordEntity, {
            principal: command.principal,
            idempotencyKey: key,
          });
          if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
          return { body: first.responseBody as T, replayed: true };
        }
        const body = await work(manager);
        await manager.query(
          `UPDATE idempotency_record SET response_status = 201, response_body = $3
            WHERE principal = $1 AND idempotency_key = $2`,
          [command.principal, key, JSON.stringify(body)],
        );
        return { body, replayed: false };
      }),
    );
  }
}

/** SHA-256 of the JSON of `value` with object keys sorted, so key order in the body does not matter. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
