import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError, ValidationErrorBody } from './field-error';

/**
 * Flattens class-validator's error tree into one entry per invalid field, with the full path:
 * array items as `[0]`, nested objects as `.name` (`contacts[0].email`).
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own: FieldError[] = error.constraints
      ? [
          {
            field: path,
            messages: Object.values(error.constraints).map((m) => humanize(m, error.property, path)),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

// class-validator writes "property x should not exist" and "email must be an email"; the path is
// already in `field`, so say it once, in the same words for both kinds.
function humanize(message: string, property: string, path: string): string {
  if (message === `property ${property} should not exist`) return 'is not an accepted field';
  return message.startsWith(`${property} `)
    ? message.slice(property.length + 1)
    : message.replace(property, path);
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400), converts payloads to their DTO
 * classes, and answers with field-level messages:
 * `{ statusCode: 400, error: 'Bad Request', message: 'Validation failed', errors: [{ field, messages }] }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const body: ValidationErrorBody = {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: flattenValidationErrors(errors),
      };
      return new BadRequestException(body);
    },
  });
}
