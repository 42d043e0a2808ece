import { createHash } from 'node:crypto';
import {
  generateApiKey,
  sha256Hex,
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

  describe(verifyIngestSignature.name, () => {
    it('should accept the signature a publisher computes from the secret when checked against the stored digest', () => {
      expect(
        verifyIngestSignature(stored, '1700000000', body, signIngestBody(secret, '1700000000', body)),
      ).toBe(true);
    });

    it('should accept a rotated header listing an old and a current signature', () => {
      const header = `v1=${'a'.repeat(64)}, ${signIngestBody(secret, '1700000000', body)}`;
      expect(verifyIngestSignature(stored, '1700000000', body, header)).toBe(true);
    });

    it('should refuse when the body, the timestamp, the key or the scheme differ', () => {
      const signature = signIngestBody(secret, '1700000000', body);
      expect(
        verifyIngestSignature(stored, '1700000000', Buffer.from('{"specversion":"1.1"}'), signature),
      ).toBe(false);
      expect(verifyIngestSignature(stored, '1700000001', body, signature)).toBe(false);
      expect(verifyIngestSignature(sha256Hex('other'), '1700000000', body, signature)).toBe(false);
      expect(verifyIngestSignature(stored, '1700000000', body, signature.replace('v1=', 'v0='))).toBe(false);
      expect(verifyIngestSignature(stored, '1700000000', body, 'v1=zz')).toBe(false);
      expect(verifyIngestSignature(stored, '1700000000', body, '')).toBe(false);
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
