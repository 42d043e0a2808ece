import { BadRequestException } from '@nestjs/common';
import { DomainError, DomainErrorKind, type ValidationErrorBody } from '@bridges/platform';
import { TemplateErrorCode } from '../templates';

export class TemplateNotFoundError extends DomainError {
  constructor(id: string) {
    super(TemplateErrorCode.UnknownTemplate, DomainErrorKind.NotFound, `No template "${id}"`);
  }
}

/** A 400 in the validation pipe's shape: the template is not written in the asked language. */
export function localeNotTranslated(id: string, locales: readonly string[]): BadRequestException {
  const body: ValidationErrorBody = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors: [{ field: 'locale', messages: [`${id} is written in ${locales.join(', ')}`] }],
  };
  return new BadRequestException(body);
}
