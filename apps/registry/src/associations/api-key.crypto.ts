import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A freshly issued ingest key; `secret` is shown once and never stored. */
export interface IssuedApiKey {
  /** Public id, sent as `Bridges-Key-Id`. */
  readonly keyId: string;
  /** 256 random bits, base64url; only its SHA-256 is stored. */
  readonly secret: string;
}

/** Signature scheme version, the `v1=` of `Bridges-Signature`. */
export const SIGNATURE_SCHEME = 'v1';

/** A new key id and secret from the OS CSPRNG. */
export function generateApiKey(): IssuedApiKey {
  return {
    keyId: `bk_${randomBytes(8).toString('hex')}`,
    secret: `bsk_${randomBytes(32).toString('base64url')}`,
  };
}

/** Hex SHA-256 of a secret: what the registry stores, and the HMAC key both sides sign with. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * `v1=<hex HMAC-SHA256 over "<timestamp>.<raw body>">`, keyed with {@link sha256Hex} of the secret.
 * Association systems compute exactly this (see apps/registry/README.md, "Signed ingest").
 */
export function signIngestBody(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `${SIGNATURE_SCHEME}=${hmacHex(sha256Hex(secret), timestamp, rawBody)}`;
}

/**
 * True when one of the `v1=` entries of `header` (comma-separated, so keys can be rotated) is the
 * HMAC of `timestamp.rawBody` under `signingKey` (the stored SHA-256). Constant-time comparison.
 */
export function verifyIngestSignature(
  signingKey: string,
  timestamp: string,
  rawBody: Buffer,
  header: string,
): boolean {
  const expected = Buffer.from(hmacHex(signingKey, timestamp, rawBody), 'hex');
  return header.split(',').some((part) => {
    const [scheme, value] = part.trim().split('=', 2);
    if (scheme !== SIGNATURE_SCHEME || !value || !/^[0-9a-f]{64}$/i.test(value)) return false;
    const given = Buffer.from(value, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Why `timestamp` (unix seconds) is unacceptable at `nowMs`, or undefined when inside ±`toleranceSeconds`. */
export function timestampProblem(
  timestamp: string | undefined,
  nowMs: number,
  toleranceSeconds: number,
): string | undefined {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'Bridges-Timestamp must be unix seconds';
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  return skew > toleranceSeconds
    ? `Bridges-Timestamp is ${Math.round(skew)} s away from the server clock (limit ${toleranceSeconds} s)`
    : undefined;
}

function hmacHex(signingKey: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', signingKey).update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex');
}
