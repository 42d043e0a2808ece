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

/** The grammar of `Bridges-Signature`: exactly one `v1=` entry with 64 hex digits, nothing else. */
const SIGNATURE_HEADER = /^v1=([0-9a-fA-F]{64})$/;

/** The MAC a `Bridges-Signature` header carries, or why the header is refused. */
export type ParsedSignature = { ok: true; mac: Buffer } | { ok: false; reason: string };

/**
 * Parses `Bridges-Signature` strictly. Several entries, a repeated entry, other schemes, spaces or
 * a wrong length are refused rather than searched for a match: a key id names one key, so there is
 * exactly one signature to send, and every variant of a header is then a variant we never have to
 * reason about. Hex case does not matter (the MAC is compared as bytes).
 */
export function parseSignatureHeader(header: string | undefined): ParsedSignature {
  const match = header === undefined ? null : SIGNATURE_HEADER.exec(header);
  if (!match) {
    return {
      ok: false,
      reason: 'Bridges-Signature must be exactly one "v1=<64 hex digits>" entry',
    };
  }
  return { ok: true, mac: Buffer.from(match[1], 'hex') };
}

/**
 * True when `mac` is the HMAC of `timestamp.rawBody` under `signingKey` (the stored SHA-256).
 * Constant-time comparison.
 */
export function verifyIngestSignature(
  signingKey: string,
  timestamp: string,
  rawBody: Buffer,
  mac: Buffer,
): boolean {
  const expected = Buffer.from(hmacHex(signingKey, timestamp, rawBody), 'hex');
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

/**
 * What identifies a signed request whatever its headers look like: the SHA-256 of exactly what
 * was signed, `"<timestamp>.<raw body>"`. The replay check remembers this, not the header text.
 */
export function signedRequestDigest(timestamp: string, rawBody: Buffer): string {
  return createHash('sha256').update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex');
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
