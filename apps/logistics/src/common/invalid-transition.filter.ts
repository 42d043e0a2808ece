import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { InvalidAidRequestTransitionError } from '../aid-requests/aid-requests.errors';
import { InvalidShipmentTransitionError } from '../shipments/shipments.errors';

type InvalidTransition = InvalidAidRequestTransitionError | InvalidShipmentTransitionError;

/**
 * 409 for a status step that does not exist, with the steps that do, so a console can offer them:
 * `{ statusCode, error, code, message, from, to, allowedTransitions }`.
 */
@Catch(InvalidAidRequestTransitionError, InvalidShipmentTransitionError)
export class InvalidTransitionFilter implements ExceptionFilter<InvalidTransition> {
  catch(error: InvalidTransition, host: ArgumentsHost): void {
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
