import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { InvalidPartnershipTransitionError } from './partnerships.errors';

/**
 * 409 for an invalid lifecycle step, with the steps that are allowed, so a console can offer them:
 * `{ statusCode, error, code, message, from, to, allowedTransitions }`.
 */
@Catch(InvalidPartnershipTransitionError)
export class InvalidTransitionFilter implements ExceptionFilter<InvalidPartnershipTransitionError> {
  catch(error: InvalidPartnershipTransitionError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(HttpStatus.CONFLICT).json({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      code: error.code,
      message: error.message,
      from: error.from,
      to: error.to,
      allowedTransitions: error.allowedTransitions,
    });
  }
}
