import {
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, DomainErrorKind } from './domain.error';

/**
 * Optimistic concurrency over HTTP, as the registry introduced it: a resource has an integer version, GET
 * returns it as a strong ETag, and a change must send it back in If-Match, so that two people editing the
 * same thing cannot silently overwrite each other.
 */

/** OpenAPI note for a route that takes If-Match. */
export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The strong ETag of the version being changed, e.g. "3": 428 without, 412 when stale',
  });

/** The strong ETag of a version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: 428 when absent (no blind overwrites), 412 for a weak tag
 * (RFC 9110 §13.1.1 compares strongly: W/"3" never matches), 400 otherwise malformed.
 */
export function requiredVersion(ifMatch: string | undefined): number {
  const value = ifMatch?.trim();
  if (!value)
    throw new HttpException(
      {
        statusCode: 428,
        error: 'Precondition Required',
        message: 'Send If-Match with the ETag of the version you are changing',
      },
      HttpStatus.PRECONDITION_REQUIRED,
    );
  if (/^W\//.test(value))
    throw new HttpException(
      {
        statusCode: 412,
        error: 'Precondition Failed',
        message: 'If-Match needs a strong ETag like "3"; a weak ETag (W/"3") never matches',
      },
      HttpStatus.PRECONDITION_FAILED,
    );
  // Quoted as RFC 9110 writes an ETag, or bare as people type it; never half-quoted.
  const match = /^(?:"([1-9]\d{0,8})"|([1-9]\d{0,8}))$/.exec(value);
  if (!match) throw new BadRequestException('If-Match must be an ETag like "3"');
  return Number(match[1] ?? match[2]);
}

/**
 * The stored version is not the one the client read: someone changed it since. Each service subclasses it
 * with its own error code; {@link StaleVersionFilter} answers 412 with the current ETag.
 */
export class StaleVersionError extends DomainError {
  constructor(
    code: string,
    readonly expected: number,
    readonly actual: number,
    message = `It was changed since you read it: you sent version ${expected}, the current one is ${actual}`,
  ) {
    super(code, DomainErrorKind.Conflict, message);
  }
}

/** Throws a {@link StaleVersionError} made by `error` when the versions differ. */
export function assertVersion(
  expected: number,
  actual: number,
  error: (expected: number, actual: number) => StaleVersionError,
): void {
  if (expected !== actual) throw error(expected, actual);
}

/** A stale `If-Match` is HTTP 412 with the current ETag, so the client can reload and redo its change. */
@Catch(StaleVersionError)
export class StaleVersionFilter implements ExceptionFilter<StaleVersionError> {
  catch(error: StaleVersionError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HttpStatus.PRECONDITION_FAILED)
      .setHeader('ETag', etagOf(error.actual))
      .json({ statusCode: 412, error: 'Precondition Failed', code: error.code, message: error.message });
  }
}
