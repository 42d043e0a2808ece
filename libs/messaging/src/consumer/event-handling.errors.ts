/** Kinds of failure, as written to the `dlq_error_kind` header. */
export const EventFailureKind = {
  /** The record is not a valid event: bad envelope, bad JSON, unknown type, payload fails its contract. */
  Invalid: 'invalid',
  /** The handler said retrying cannot help (e.g. the event refers to something that can never exist). */
  Permanent: 'permanent',
  /** The handler kept failing for maxAttempts. */
  RetriesExhausted: 'retries-exhausted',
} as const;
export type EventFailureKind = (typeof EventFailureKind)[keyof typeof EventFailureKind];

/**
 * Thrown by a handler when retrying cannot succeed: the record goes to the DLQ at once.
 * Any other error counts as transient and is retried with backoff.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The record is not a valid event of the contract it claims. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}
