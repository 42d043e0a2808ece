import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { etagOf } from './etag';
import { VersionMismatchError } from './logistics.errors';

/** A stale `If-Match` is HTTP 412 with the current ETag, so the client can reload (as in the registry). */
@Catch(VersionMismatchError)
export class VersionMismatchFilter implements ExceptionFilter<VersionMismatchError> {
  catch(error: VersionMismatchError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HttpStatus.PRECONDITION_FAILED)
      .setHeader('ETag', etagOf(error.actual))
      .json({ statusCode: 412, error: 'Precondition Failed', code: error.code, message: error.message });
  }
}
