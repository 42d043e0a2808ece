import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { VersionMismatchError } from './logistics.errors';

/** The strong ETag of a version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names, as the registry reads it: 428 when absent (no blind
 * overwrites), 412 for a weak tag (RFC 9110 §13.1.1 compares strongly: W/"3" never matches), 400 otherwise
 * malformed.
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
  const match = /^"?([1-9]\d{0,8})"?$/.exec(value);
  if (!match) throw new BadRequestException('If-Match must be an ETag like "3"');
  return Number(match[1]);
}

/** 412 (through VersionMismatchFilter) when the stored version is not the one the client read. */
export function assertVersion(expected: number, actual: number): void {
  if (expected !== actual) throw new VersionMismatchError(expected, actual);
}
