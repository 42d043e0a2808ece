import { createHash } from 'node:crypto';
import {
  generateApiKey,
  parseSignatureHeader,
  sha256Hex,
  signedRequestDigest,
  signIngestBody,
  timestampProblem,
  verifyIngestSignature,
} from './api-key.crypto';

describe('api key crypto', () => {
  const secret = 'bsk_test_secret';
  const stored = createHash('sha256').update(secret).digest('hex');
  const body = Buffer.from('{"specversion":"1.0"}');

  describe(generateApiKey.name, () => {
    it('should give distinct ids and 256-bit secrets on every call', () => {
      const a = generateApiKey();
      const b = generateApiKey();
      expect(a.keyId).toMatch(/^bk_[0-9a-f]{16}$/);
      expect(Buffer.from(a.secret.slice(4), 'base64url')).toHaveLength(32);
      expect(a.secret).not.toBe(b.secret);
      expect(a.keyId).not.toBe(b.keyId);
    });
  });

  describe(sha256Hex.name, () => {
    it('should be the hex SHA-256 the registry stores', () => {
      expect(sha256Hex(secret)).toBe(stored);
    });
  });

  describe(parseSignatureHeader.name, () => {
    const mac = 'ab'.repeat(32);

    it('should read the MAC when the header is one v1 entry, in either hex case', () => {
      expect(parseSignatureHeader(`v1=${mac}`)).toEqual({ ok: true, mac: Buffer.from(mac, 'hex') });
      expect(parseSignatureHeader(`v1=${mac.toUpperCase()}`)).toEqual({
        ok: true,
        mac: Buffer.from(mac, 'hex'),
      });
    });

    it.each([
      ['an extra entry', `v1=${mac},v1=${'0'.repeat(64)}`],
      ['a repeated entry', `v1=${mac},v1=${mac}`],
      ['a spaced list', `v1=${mac}, v0=${mac}`],
      ['another scheme', `v0=${mac}`],
      ['surrounding spaces', ` v1=${mac}`],
      ['a short MAC', 'v1=abc'],
      ['non-hex digits', `v1=${'z'.repeat(64)}`],
      ['an empty header', ''],
      ['no header', undefined],
    ])('should refuse %s with a reason', (_what, header) => {
      expect(parseSignatureHeader(header)).toEqual({
        ok: false,
        reason: expect.stringContaining('exactly one'),
      });
    });
  });

  describe(verifyIngestSignature.name, () => {
    const macOf = (header: string) => Buffer.from(header.slice('v1='.length), 'hex');

    it('should accept the signature a publisher computes from the secret when checked against the stored digest', () => {
      expect(
        verifyIngestSignature(stored, '1700000000', body, macOf(signIngestBody(secret, '1700000000', body))),
      ).toBe(true);
    });

    it('should refuse when the body, the timestamp, the key or the MAC length differ', () => {
      const mac = macOf(signIngestBody(secret, '1700000000', body));
      expect(verifyIngestSignature(stored, '1700000000', Buffer.from('{"specversion":"1.1"}'), mac)).toBe(
        false,
      );
      expect(verifyIngestSignature(stored, '1700000001', body, mac)).toBe(false);
      expect(verifyIngestSignature(sha256Hex('other'), '1700000000', body, mac)).toBe(false);
      expect(verifyIngestSignature(stored, '1700000000', body, mac.subarray(1))).toBe(false);
    });
  });

  describe(signedRequestDigest.name, () => {
    it('should be the same for the same timestamp and body and differ when either changes', () => {
      const digest = signedRequestDigest('1700000000', body);
      expect(signedRequestDigest('1700000000', Buffer.from(body))).toBe(digest);
      expect(signedRequestDigest('1700000001', body)).not.toBe(digest);
      expect(signedRequestDigest('1700000000', Buffer.from('{}'))).not.toBe(digest);
    });
  });

  describe(timestampProblem.name, () => {
    const now = 1_700_000_000_000;

    it('should accept timestamps within the tolerance on both sides', () => {
      expect(timestampProblem('1700000300', now, 300)).toBeUndefined();
      expect(timestampProblem('1699999700', now, 300)).toBeUndefined();
    });

    it('should refuse timestamps outside the tolerance, missing ones and non-numbers', () => {
      expect(timestampProblem('1700000301', now, 300)).toMatch(/301 s away/);
      expect(timestampProblem('1699999699', now, 300)).toMatch(/away/);
      expect(timestampProblem(undefined, now, 300)).toMatch(/unix seconds/);
      expect(timestampProblem('2023-11-14T22:13:20Z', now, 300)).toMatch(/unix seconds/);
    });
  });
});
