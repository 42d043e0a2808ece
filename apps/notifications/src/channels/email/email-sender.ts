import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { describeEmailFailure, EmailDeliveryError } from './email.errors';
import { classifySmtpError } from './smtp-error.classifier';

/** SMTP settings, from the service's validated config. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). False means plain, upgraded by STARTTLS when offered. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** Sender, e.g. `Bridges <notifications@bridges.example>`. */
  from: string;
  /** Refuse to send unless STARTTLS succeeds (production relays). */
  requireTls?: boolean;
  /** Never try STARTTLS (local sinks on loopback). */
  ignoreTls?: boolean;
  /** Reuse connections; worth it for bursts of digests. Default false. */
  pool?: boolean;
  maxConnections?: number;
  /** Give up connecting after this long. Default 10 s. */
  connectionTimeoutMs?: number;
  /** Give up on an idle socket after this long. Default 30 s. */
  socketTimeoutMs?: number;
  /** Accept self-signed certificates (test relays only). */
  tlsRejectUnauthorized?: boolean;
}

/** A file sent with an email, e.g. an iCalendar invitation (`text/calendar; method=REQUEST`). */
export interface EmailAttachment {
  filename: string;
  /** MIME type, with parameters (e.g. `text/calendar; method=REQUEST; charset=UTF-8`). */
  contentType: string;
  /** UTF-8 text content. */
  content: string;
}

/** One rendered email to one recipient. */
export interface OutgoingEmail {
  to: string | readonly string[];
  subject: string;
  text: string;
  html: string;
  /** Language of the content; sent as `Content-Language`. */
  locale?: string;
  /**
   * Message-ID to use, e.g. `<delivery-id@bridges>`. A stable id per delivery lets receiving systems and
   * support staff recognise a retried message as the same one.
   */
  messageId?: string;
  /** One-click unsubscribe (RFC 8058): `List-Unsubscribe` and `List-Unsubscribe-Post` headers. */
  unsubscribeUrl?: string;
  replyTo?: string;
  /** Extra headers, e.g. `X-Bridges-Delivery-Id`. */
  headers?: Record<string, string>;
  attachments?: readonly EmailAttachment[];
}

/** What the server accepted. */
export interface EmailSendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. `250 OK: queued`. */
  response: string;
}

/**
 * Sends email over SMTP with nodemailer. Thin on purpose: rendering, retries and delivery records live
 * elsewhere; this only sends and turns every failure into an `EmailDeliveryError` that says whether a
 * retry can help. Error messages carry codes only, never the server's reply text (it can quote
 * addresses).
 */
export class EmailSender {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    private readonly config: SmtpConfig,
    transport?: Transporter<SMTPTransport.SentMessageInfo>,
  ) {
    this.transport = transport ?? createTransport(toTransportOptions(config));
  }

  /** Sends one email; resolves with the Message-ID, rejects with an `EmailDeliveryError`. */
  async send(email: OutgoingEmail): Promise<EmailSendResult> {
    const headers: Record<string, string> = { ...email.headers };
    if (email.locale) headers['Content-Language'] = email.locale;
    if (email.unsubscribeUrl) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: typeof email.to === 'string' ? email.to : [...email.to],
        subject: email.subject,
        text: email.text,
        html: email.html,
        replyTo: email.replyTo,
        messageId: email.messageId,
        headers,
        ...(email.attachments?.length
          ? {
              attachments: email.attachments.map((a) => ({
                ...a,
                contentDisposition: 'attachment' as const,
              })),
            }
          : {}),
        ...(email.unsubscribeUrl ? { list: { unsubscribe: email.unsubscribeUrl } } : {}),
      });
      return {
        messageId: info.messageId,
        accepted: info.accepted.map(addressOf),
        rejected: info.rejected.map(addressOf),
        response: info.response,
      };
    } catch (error) {
      // Not the nodemailer message: it quotes the server's reply, which can contain the recipient's address.
      const { code, kind, responseCode } = classifySmtpError(error);
      throw new EmailDeliveryError(
        code,
        kind,
        `SMTP send failed: ${describeEmailFailure(code, responseCode)}`,
        responseCode,
        { cause: error },
      );
    }
  }

  /** Connects and authenticates without sending, for health checks; rejects with an `EmailDeliveryError`. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      const { code, kind, responseCode } = classifySmtpError(error);
      throw new EmailDeliveryError(
        code,
        kind,
        `SMTP verify failed: ${describeEmailFailure(code, responseCode)}`,
        responseCode,
        { cause: error },
      );
    }
  }

  /** Closes pooled connections (no-op without a pool). */
  close(): void {
    this.transport.close();
  }
}

function toTransportOptions(config: SmtpConfig): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth,
    requireTLS: config.requireTls,
    ignoreTLS: config.ignoreTls,
    connectionTimeout: config.connectionTimeoutMs ?? 10_000,
    greetingTimeout: config.connectionTimeoutMs ?? 10_000,
    socketTimeout: config.socketTimeoutMs ?? 30_000,
    ...(config.pool ? { pool: true, maxConnections: config.maxConnections ?? 5 } : {}),
    ...(config.tlsRejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
  };
}

function addressOf(value: string | { address: string }): string {
  return typeof value === 'string' ? value : value.address;
}
