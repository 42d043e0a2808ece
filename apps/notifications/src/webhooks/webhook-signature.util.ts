import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_EVENT_TYPE_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_SIGNATURE_SCHEME,
} from './webhook-headers.constants';
import { WebhookSignatureFailure } from './webhooks.errors';

/** What to sign: the exact bytes that will be POSTed, and the event they carry. */
export interface SignWebhookInput {
  /** Subscription secret(s). Several during a rotation: the header then carries one `v1=` per secret. */
  secret: string | readonly string[];
  eventId: string;
  eventType: string;
  /** The raw request body exactly as sent; re-serialising JSON would change the bytes and break the signature. */
  rawBody: string | Buffer;
  /** Signing time; defaults to now. */
  timestamp?: Date;
}

/** Headers to put on the POST, plus the parts for logging and delivery records. */
export interface SignedWebhook {
  headers: Record<string, string>;
  /** Unix seconds embedded in the signature. */
  timestamp: number;
  /** Hex HMAC-SHA256 per secret, in the order given. */
  signatures: string[];
}

export interface VerifyWebhookSignatureInput {
  /** Value of the `Bridges-Signature` header (`t=<unix>,v1=<hex>[,v1=<hex>]`). */
  header: string | null | undefined;
  rawBody: string | Buffer;
  /** The receiver's secret(s); any one matching any `v1` passes (lets receivers rotate without downtime). */
  secret: string | readonly string[];
  /** Allowed clock distance in seconds, both directions. Default 300. */
  toleranceSeconds?: number;
  /** The receiver's clock; defaults to now. */
  now?: Date;
}

export type WebhookVerification =
  { ok: true; timestamp: number } | { ok: false; reason: WebhookSignatureFailure };

/**
 * Creates a subscription secret: 32 random bytes, URL-safe, prefixed so it is recognisable in a leak scan.
 * The whole string (prefix included) is the HMAC key.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** HMAC-SHA256 (hex) of `${timestamp}.${rawBody}`: the one formula both sides compute. */
export function computeWebhookSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`, 'utf8')
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('hex');
}

/**
 * Signs a webhook delivery Stripe-style: `Bridges-Signature: t=<unix>,v1=<hex>`, plus the event id
 * (receivers deduplicate on it, since delivery is at-least-once) and the event type.
 */
export function signWebhook(input: SignWebhookInput): SignedWebhook {
  const secrets = toList(input.secret);
  if (secrets.length === 0 || secrets.some((s) => s.length === 0)) {
    throw new Error('signWebhook needs at least one non-empty secret');
  }
  const timestamp = Math.floor((input.timestamp ?? new Date()).getTime() / 1000);
  const signatures = secrets.map((s) => computeWebhookSignature(s, timestamp, input.rawBody));
  const header = [`t=${timestamp}`, ...signatures.map((sig) => `${WEBHOOK_SIGNATURE_SCHEME}=${sig}`)].join(
    ',',
  );
  return {
    headers: {
      [WEBHOOK_SIGNATURE_HEADER]: header,
      [WEBHOOK_EVENT_ID_HEADER]: input.eventId,
      [WEBHOOK_EVENT_TYPE_HEADER]: input.eventType,
    },
    timestamp,
    signatures,
  };
}

/**
 * Verifies a `Bridges-Signature` header against the raw body: rejects tampered bodies, wrong secrets,
 * and timestamps outside the tolerance window (stale replays and clocks in the future alike).
 * Comparison is constant-time.
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookVerification {
  if (!input.header) return { ok: false, reason: WebhookSignatureFailure.MissingHeader };
  const parsed = parseSignatureHeader(input.header);
  if (!parsed) return { ok: false, reason: WebhookSignatureFailure.MalformedHeader };

  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) {
    return { ok: false, reason: WebhookSignatureFailure.TimestampOutsideTolerance };
  }

  // Check every (secret, signature) pair without early exit so timing does not reveal which one matched.
  let matched = false;
  for (const secret of toList(input.secret)) {
    if (secret.length === 0) continue;
    const expected = Buffer.from(computeWebhookSignature(secret, parsed.timestamp, input.rawBody), 'hex');
    for (const candidate of parsed.signatures) {
      const given = Buffer.from(candidate, 'hex');
      if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
    }
  }
  return matched
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: WebhookSignatureFailure.SignatureMismatch };
}

/** Parses `t=<unix>,v1=<hex>,...`; unknown schemes are ignored so a future `v2` does not break old receivers. */
function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return null;
      timestamp = Number(value);
    } else if (key === WEBHOOK_SIGNATURE_SCHEME) {
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) return null;
  return { timestamp, signatures };
}

function toList(secret: string | readonly string[]): readonly string[] {
  return typeof secret === 'string' ? [secret] : secret;
}
