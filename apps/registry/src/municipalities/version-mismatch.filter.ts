import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { VersionMismatchError } from './municipalities.errors';
import { etagOf } from './municipality-profile.rules';

/** A stale `If-Match` is HTTP 412 (not the 409 of other conflicts), with the current ETag so the client can reload. */
@Catch(VersionMismatchError)
export class VersionMismatchFilter implements ExceptionFilter {
  catch(error: VersionMismatchError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res
      .status(HttpStatus.PRECONDITION_FAILED)
      .setHeader('ETag', etagOf(error.actual))
      .json({ statusCode: 412, error: 'Precondition Failed', code: error.code, message: error.message });
  }
}
