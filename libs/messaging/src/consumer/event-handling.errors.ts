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

/**
 * Thrown by a handler when the event needs something another topic has not delivered yet (topics are
 * not ordered with each other: a proposal can arrive before the profile it names). Not a failure: the
 * event is parked durably under `dependencyKey` and resumed when a handler reports that key arrived
 * (`EventContext.dependencyArrived`), or by the periodic retry. It is never dead-lettered for this.
 */
export class DependencyNotYetAvailableError extends Error {
  override readonly name: string = 'DependencyNotYetAvailableError';
  constructor(
    /** What the event waits for, e.g. `municipality:<id>`; the arriving side names the same key. */
    readonly dependencyKey: string,
    message = `${dependencyKey} has not arrived yet`,
  ) {
    super(message);
  }
}

/** The record is not a valid event of the contract it claims. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}
