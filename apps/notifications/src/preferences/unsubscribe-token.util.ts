import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationChannel, type NotificationChannel } from './notification-channel';
import { UnsubscribeTokenFailure } from './preferences.errors';

/** What an unsubscribe link turns off: one channel of one recipient, optionally only one template. */
export interface UnsubscribeClaims {
  recipientId: string;
  channel: NotificationChannel;
  /** When set, only this template (e.g. `matching.proposals-digest`) is turned off, not the whole channel. */
  templateId?: string;
  /** Unix seconds when the link was minted. */
  issuedAt: number;
}

export type UnsubscribeTokenVerification =
  { ok: true; claims: UnsubscribeClaims } | { ok: false; reason: UnsubscribeTokenFailure };

const TOKEN_VERSION = 1;
// Domain separation: the server secret may be shared with other features; this key signs only unsubscribe tokens.
const KEY_CONTEXT = 'bridges.notifications.unsubscribe.v1';

/**
 * Mints a URL-safe unsubscribe token `<payload>.<mac>` (both base64url). The payload is readable, not
 * secret; the 256-bit HMAC under a server secret makes tokens unforgeable and impossible to guess, so a
 * link can only have come from an email we sent to that recipient.
 */
export function createUnsubscribeToken(
  claims: Omit<UnsubscribeClaims, 'issuedAt'> & { issuedAt?: number },
  secret: string,
): string {
  if (!secret) throw new Error('createUnsubscribeToken needs a non-empty secret');
  if (!claims.recipientId) throw new Error('createUnsubscribeToken needs a recipientId');
  const body: WirePayload = {
    v: TOKEN_VERSION,
    r: claims.recipientId,
    c: claims.channel,
    ...(claims.templateId ? { t: claims.templateId } : {}),
    iat: claims.issuedAt ?? Math.floor(Date.now() / 1000),
  };
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks a token's signature (constant-time, against any of the given secrets so the secret can be
 * rotated) and returns its claims. Unsubscribe links do not expire unless `maxAgeSeconds` is given:
 * a recipient must be able to use an old email's link.
 */
export function verifyUnsubscribeToken(
  token: string,
  secret: string | readonly string[],
  options: { maxAgeSeconds?: number; now?: Date } = {},
): UnsubscribeTokenVerification {
  const fail = (reason: UnsubscribeTokenFailure): UnsubscribeTokenVerification => ({ ok: false, reason });
  const match = /^([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return fail(UnsubscribeTokenFailure.Malformed);
  const [, payload, signature] = match;

  // Compare the encoded strings, not decoded bytes: base64 decoding ignores the last character's spare
  // bits, so comparing bytes would accept several spellings of one signature.
  const given = Buffer.from(signature, 'ascii');
  let valid = false;
  for (const s of typeof secret === 'string' ? [secret] : secret) {
    if (s && timingSafeEqual(given, Buffer.from(mac(s, payload).toString('base64url'), 'ascii')))
      valid = true;
  }
  if (!valid) return fail(UnsubscribeTokenFailure.BadSignature);

  // Only signed payloads are parsed, so nothing below sees attacker-chosen JSON.
  let body: Partial<WirePayload>;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<WirePayload>;
  } catch {
    return fail(UnsubscribeTokenFailure.Malformed);
  }
  if (body.v !== TOKEN_VERSION) return fail(UnsubscribeTokenFailure.UnsupportedVersion);
  if (typeof body.r !== 'string' || !isNotificationChannel(body.c) || typeof body.iat !== 'number') {
    return fail(UnsubscribeTokenFailure.Malformed);
  }
  if (options.maxAgeSeconds !== undefined) {
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (now - body.iat > options.maxAgeSeconds) return fail(UnsubscribeTokenFailure.Expired);
  }
  return {
    ok: true,
    claims: {
      recipientId: body.r,
      channel: body.c,
      ...(typeof body.t === 'string' ? { templateId: body.t } : {}),
      issuedAt: body.iat,
    },
  };
}

/** The link placed in emails (`unsubscribeUrl` template data and the List-Unsubscribe header). */
export function buildUnsubscribeUrl(publicBaseUrl: string, token: string): string {
  const url = new URL('unsubscribe', publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

interface WirePayload {
  v: number;
  r: string;
  c: NotificationChannel;
  t?: string;
  iat: number;
}

function mac(secret: string, payload: string): Buffer {
  const key = createHmac('sha256', secret).update(KEY_CONTEXT).digest();
  return createHmac('sha256', key).update(payload).digest();
}
