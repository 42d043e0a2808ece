/** Why an email was not accepted by the SMTP server; stable, for delivery records and metrics. */
export enum EmailErrorCode {
  /** No SMTP conversation: refused, reset, DNS, TLS. */
  ConnectionFailed = 'EMAIL_CONNECTION_FAILED',
  Timeout = 'EMAIL_TIMEOUT',
  /** Server answered 4xx (greylisting, mailbox busy, rate limit). */
  TemporarilyRejected = 'EMAIL_TEMPORARILY_REJECTED',
  /** Credentials refused. Counted transient: an operator fixes the config and queued mail then goes out. */
  AuthFailed = 'EMAIL_AUTH_FAILED',
  /** Server answered 5xx to a recipient (no such mailbox, domain does not accept mail). */
  RecipientRejected = 'EMAIL_RECIPIENT_REJECTED',
  /** Server answered 5xx to the message (too large, policy). */
  MessageRejected = 'EMAIL_MESSAGE_REJECTED',
  /** We built something unsendable (no or invalid recipient); retrying cannot help. */
  InvalidMessage = 'EMAIL_INVALID_MESSAGE',
  Unknown = 'EMAIL_UNKNOWN',
}

/** Whether trying again later can succeed. */
export type EmailFailureKind = 'transient' | 'permanent';

/**
 * A safe description of a failed send, e.g. `EMAIL_RECIPIENT_REJECTED (550)`: the stable code and the
 * SMTP reply code only. Never the server's reply text, which can quote the recipient's address
 * (`550 5.1.1 <olena@…>: Recipient address rejected`); this is what may be stored and published.
 */
export function describeEmailFailure(code: EmailErrorCode, responseCode?: number): string {
  return responseCode === undefined ? code : `${code} (${responseCode})`;
}

/**
 * A send that failed, classified so the delivery state machine knows whether to retry. Its message is
 * `describeEmailFailure` (no server text); the nodemailer error, with the full reply, is the `cause`,
 * for local debugging only — never store or publish it.
 */
export class EmailDeliveryError extends Error {
  constructor(
    readonly code: EmailErrorCode,
    readonly kind: EmailFailureKind,
    message: string,
    /** The SMTP reply code when the server answered, e.g. 550. */
    readonly responseCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmailDeliveryError';
  }

  /** The stable code and SMTP reply code, safe to store and publish (see `describeEmailFailure`). */
  get safeDescription(): string {
    return describeEmailFailure(this.code, this.responseCode);
  }

  /** True when the delivery should be retried with backoff. */
  get transient(): boolean {
    return this.kind === 'transient';
  }
}
