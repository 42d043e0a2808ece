import { UnsubscribeTokenFailure } from './preferences.errors';
import {
  buildUnsubscribeUrl,
  createUnsubscribeToken,
  verifyUnsubscribeToken,
} from './unsubscribe-token.util';

const secret = 'server-secret-for-tests';
const claims = {
  recipientId: 'c0ffee00-0000-4000-8000-000000000001',
  channel: 'email' as const,
  issuedAt: 1_764_331_200,
};

describe(createUnsubscribeToken.name, () => {
  it('should produce a URL-safe token when given claims', () => {
    const token = createUnsubscribeToken({ ...claims, templateId: 'matching.proposals-digest' }, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('should produce different tokens when recipient or channel differ', () => {
    const a = createUnsubscribeToken(claims, secret);
    expect(createUnsubscribeToken({ ...claims, recipientId: 'other' }, secret)).not.toBe(a);
    expect(createUnsubscribeToken({ ...claims, channel: 'webhook' }, secret)).not.toBe(a);
  });

  it('should throw when the secret or recipient is empty', () => {
    expect(() => createUnsubscribeToken(claims, '')).toThrow(/secret/);
    expect(() => createUnsubscribeToken({ ...claims, recipientId: '' }, secret)).toThrow(/recipientId/);
  });
});

describe(verifyUnsubscribeToken.name, () => {
  it('should return the claims when the token is untouched', () => {
    const token = createUnsubscribeToken({ ...claims, templateId: 'partnership.established' }, secret);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({
      ok: true,
      claims: { ...claims, templateId: 'partnership.established' },
    });
  });

  it('should reject when the payload was swapped for another recipient', () => {
    const token = createUnsubscribeToken(claims, secret);
    const [, sig] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ v: 1, r: 'someone-else', c: 'email', iat: claims.issuedAt }),
    ).toString('base64url');
    expect(verifyUnsubscribeToken(`${forgedPayload}.${sig}`, secret)).toEqual({
      ok: false,
      reason: UnsubscribeTokenFailure.BadSignature,
    });
  });

  it('should reject when one character of the signature was changed', () => {
    const token = createUnsubscribeToken(claims, secret);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = token.slice(0, -2) + last + token.slice(-1);
    expect(verifyUnsubscribeToken(tampered, secret).ok).toBe(false);
  });

  it('should reject when the last character is respelled to decode to the same bytes', () => {
    const token = createUnsubscribeToken(claims, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(token.at(-1)!);
    const respelled = token.slice(0, -1) + alphabet[index ^ 1];
    expect(Buffer.from(respelled.split('.')[1], 'base64url')).toEqual(
      Buffer.from(token.split('.')[1], 'base64url'),
    );
    expect(verifyUnsubscribeToken(respelled, secret).ok).toBe(false);
  });

  it('should reject when the token was signed with another secret', () => {
    const token = createUnsubscribeToken(claims, 'another-secret');
    expect(verifyUnsubscribeToken(token, secret)).toMatchObject({
      reason: UnsubscribeTokenFailure.BadSignature,
    });
  });

  it('should accept when any rotated secret matches', () => {
    const token = createUnsubscribeToken(claims, 'old-secret');
    expect(verifyUnsubscribeToken(token, ['new-secret', 'old-secret']).ok).toBe(true);
  });

  it.each(['', 'abc', 'a.b', 'payload.' + '!'.repeat(43), 'no-dot-at-all-' + 'x'.repeat(43)])(
    'should report malformed when the token is %j',
    (token) => {
      expect(verifyUnsubscribeToken(token, secret)).toEqual({
        ok: false,
        reason: UnsubscribeTokenFailure.Malformed,
      });
    },
  );

  it('should reject as expired when older than maxAgeSeconds', () => {
    const token = createUnsubscribeToken(claims, secret);
    const now = new Date((claims.issuedAt + 3601) * 1000);
    expect(verifyUnsubscribeToken(token, secret, { maxAgeSeconds: 3600, now })).toMatchObject({
      reason: UnsubscribeTokenFailure.Expired,
    });
    expect(verifyUnsubscribeToken(token, secret, { maxAgeSeconds: 3602, now }).ok).toBe(true);
  });
});

describe(buildUnsubscribeUrl.name, () => {
  it('should append the token as a query parameter when the base has a path', () => {
    expect(buildUnsubscribeUrl('https://bridges.example/notifications', 'p.s')).toBe(
      'https://bridges.example/notifications/unsubscribe?token=p.s',
    );
  });
});
