import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from './dependency-unavailable';
import { DomainError, DomainErrorKind } from './domain.error';

/** HTTP status of each domain error kind. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorKind, number> = {
  [DomainErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [DomainErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorKind.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  [extra: string]: unknown;
}

/** What {@link AllExceptionsFilter.toResponse} answers. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/** An http-errors error (body-parser, raw-body): its message is safe to show when `expose` is true. */
interface ExposableHttpError {
  status: number;
  expose: boolean;
  message: string;
  type?: string;
}

function isExposableHttpError(error: unknown): error is ExposableHttpError {
  const e = error as Partial<ExposableHttpError> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.expose === true &&
    typeof e.status === 'number' &&
    e.status >= 400 &&
    e.status < 500
  );
}

function reason(status: number): string {
  const name = (HttpStatus as Record<number, string | undefined>)[status] ?? 'ERROR';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Malformed JSON in request body',
  'entity.too.large': 'Request body is larger than the limit',
  'encoding.unsupported': 'Unsupported content encoding',
  'charset.unsupported': 'Unsupported charset',
};

/**
 * One error contract for the whole API: HttpExceptions keep their status and body; DomainErrors map
 * their kind to a status and carry their `code`; body-parser failures are 400/413; an unreachable
 * database (or other dependency) is a 503 with `Retry-After`, since the same request may succeed
 * later; everything else is a 500 with a generic message, logged with its stack (never sent to the
 * client).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Kafka handlers have their own failure path (retry/DLQ): hand the error back untouched, the way
    // Nest's RPC filters do, when a microservice inherits the app's global filters.
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, headers } = this.toResponse(exception);
    if (res.headersSent) {
      this.logger.error(exception instanceof Error ? exception : String(exception));
      return;
    }
    if (headers) res.set(headers);
    res.status(status).json(body);
  }

  /** Status and body for `exception` (public for tests). */
  toResponse(exception: unknown): ErrorResponse {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const body: ErrorBody =
        typeof response === 'object' && response !== null
          ? { statusCode: status, error: reason(status), message: exception.message, ...response }
          : { statusCode: status, error: reason(status), message: String(response) };
      // A deliberate 503 (readiness) is not a bug; a thrown InternalServerErrorException is.
      if (status === 500) this.logger.error(exception);
      return { status, body };
    }
    if (exception instanceof DomainError) {
      const status = DOMAIN_ERROR_STATUS[exception.kind];
      return {
        status,
        body: { statusCode: status, error: reason(status), code: exception.code, message: exception.message },
      };
    }
    if (isExposableHttpError(exception)) {
      const status = exception.status;
      const message = (exception.type && BODY_PARSER_MESSAGES[exception.type]) ?? exception.message;
      return { status, body: { statusCode: status, error: reason(status), message } };
    }
    if (isDependencyUnavailable(exception)) {
      // An outage, not a bug: one line without the stack, and the client is told when to retry.
      this.logger.warn(
        `Dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          message: `A dependency of this service (its database) is unreachable right now; retry in ${RETRY_AFTER_SECONDS} s`,
        },
      };
    }
    this.logger.error(exception instanceof Error ? exception : new Error(String(exception)));
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    };
  }
}
