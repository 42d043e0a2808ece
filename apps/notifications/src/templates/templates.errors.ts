/** Stable codes of template failures. */
export enum TemplateErrorCode {
  UnknownTemplate = 'TEMPLATE_UNKNOWN',
  DuplicateTemplate = 'TEMPLATE_DUPLICATE',
  InvalidTemplate = 'TEMPLATE_INVALID',
}

/** A template could not be found, registered or rendered; `code` is stable, `message` safe to log. */
export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TemplateError';
  }
}
