import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import type { FieldError, ValidationErrorBody } from './field-error';
import { findUnsafeInput } from './unsafe-input.scan';

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

/** The 400 every input problem is answered with. */
export function validationFailed(errors: readonly FieldError[]): BadRequestException {
  const body: ValidationErrorBody = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors,
  };
  return new BadRequestException(body);
}

/**
 * Checks what no DTO should have to repeat before handing over to class-validator: strings free of
 * NUL characters and lone surrogates, and payloads nested at most MAX_INPUT_DEPTH levels (see
 * {@link findUnsafeInput}). Bodies, queries and path parameters are checked whatever their type,
 * so a new DTO, or a handler taking a plain object, is covered without doing anything. (HTTP bodies
 * were already checked by `rejectUnsafeBody`; checking here too keeps the pipe safe on its own.)
 */
class SafeInputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const root =
        metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? metadata.type) : 'body';
      const unsafe = findUnsafeInput(value, root);
      if (unsafe.length > 0) throw validationFailed(unsafe);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global pipe: rejects unsafe text and deep nesting (above), strips nothing silently (unknown
 * fields are a 400), converts payloads to their DTO classes, and answers with field-level messages:
 * `{ statusCode: 400, error: 'Bad Request', message: 'Validation failed', errors: [{ field, messages }] }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new SafeInputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
