import { EmailErrorCode, type EmailFailureKind } from './email.errors';

/** The fields nodemailer puts on its errors (SMTPConnection.SMTPError plus the socket errno code). */
interface SmtpErrorLike {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  errno?: unknown;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ETIMEOUT', 'ESOCKETTIMEDOUT']);

/**
 * Classifies a nodemailer failure. The SMTP reply code decides when there is one (4xx transient,
 * 5xx permanent — except authentication, see `EmailErrorCode.AuthFailed`); without one, connection
 * problems and timeouts are transient and a malformed envelope is permanent. Anything unrecognised is
 * transient: a bounded number of retries is cheaper than losing a partnership email.
 */
export function classifySmtpError(error: unknown): {
  code: EmailErrorCode;
  kind: EmailFailureKind;
  responseCode?: number;
} {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';

  if (code === 'EAUTH') return { code: EmailErrorCode.AuthFailed, kind: 'transient', responseCode };
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return { code: EmailErrorCode.TemporarilyRejected, kind: 'transient', responseCode };
  }
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) {
    const recipient = code === 'EENVELOPE' || command.startsWith('RCPT');
    return {
      code: recipient ? EmailErrorCode.RecipientRejected : EmailErrorCode.MessageRejected,
      kind: 'permanent',
      responseCode,
    };
  }
  if (code && TIMEOUT_CODES.has(code)) return { code: EmailErrorCode.Timeout, kind: 'transient' };
  if (code && CONNECTION_CODES.has(code)) return { code: EmailErrorCode.ConnectionFailed, kind: 'transient' };
  if (code === 'EENVELOPE' || code === 'EMESSAGE')
    return { code: EmailErrorCode.InvalidMessage, kind: 'permanent' };
  return { code: EmailErrorCode.Unknown, kind: 'transient' };
}
