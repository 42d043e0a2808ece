/** One refusal of the API, in the shape every Bridges service answers (libs/platform AllExceptionsFilter). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the service could not be reached at all. */
    readonly status: number,
    message: string,
    /** The domain error code (e.g. MUNICIPALITY_NOT_FOUND), when the service gave one. */
    readonly code?: string,
    /** Field path (`contacts[0].email`) → messages, from a validation 400. */
    readonly fieldErrors: Readonly<Record<string, readonly string[]>> = {},
  ) {
    super(message);
  }

  /** The service is down or unreachable (network error, 502/503/504 from a proxy or the service). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  /** Someone else changed the resource first (409, or 412 for a stale If-Match). */
  get conflict(): boolean {
    return this.status === 409 || this.status === 412;
  }
}

interface ErrorBodyShape {
  message?: unknown;
  code?: unknown;
  errors?: unknown;
}

/** Turns a non-2xx response body (any JSON, or none) into an {@link ApiError}. */
export function toApiError(status: number, body: unknown): ApiError {
  const shape = (typeof body === 'object' && body !== null ? body : {}) as ErrorBodyShape;
  const message = Array.isArray(shape.message)
    ? shape.message.map(String).join('; ')
    : typeof shape.message === 'string'
      ? shape.message
      : `HTTP ${status}`;
  const fieldErrors: Record<string, string[]> = {};
  if (Array.isArray(shape.errors)) {
    for (const entry of shape.errors as { field?: unknown; messages?: unknown }[]) {
      if (typeof entry?.field !== 'string' || !Array.isArray(entry.messages)) continue;
      (fieldErrors[entry.field] ??= []).push(...entry.messages.map(String));
    }
  }
  return new ApiError(status, message, typeof shape.code === 'string' ? shape.code : undefined, fieldErrors);
}

/** Messages for `field` and everything under it (`location` also collects `location.lat`). */
export function messagesFor(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fieldErrors)
    .filter(([path]) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`))
    .flatMap(([, messages]) => messages);
}
