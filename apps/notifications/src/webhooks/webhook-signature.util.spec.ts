import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature.util';
import { WebhookSignatureFailure } from './webhooks.errors';

const secret = 'whsec_test_secret';
const rawBody = JSON.stringify({
  id: 'evt_1',
  type: 'matching.partnership.established.v1',
  data: { name: 'Житомир' },
});
const signedAt = new Date('2026-11-28T12:00:00Z');

function sign(overrides: Partial<Parameters<typeof signWebhook>[0]> = {}) {
  return signWebhook({
    secret,
    eventId: 'evt_1',
    eventType: 'matching.partnership.established.v1',
    rawBody,
    timestamp: signedAt,
    ...overrides,
  });
}

describe(signWebhook.name, () => {
  it('should produce a Stripe-like header t=<unix>,v1=<hmac of "t.body"> when given one secret', () => {
    const signed = sign();
    const t = Math.floor(signedAt.getTime() / 1000);
    const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');

    expect(signed.headers['Bridges-Signature']).toBe(`t=${t},v1=${expected}`);
    expect(signed.headers['Bridges-Event-Id']).toBe('evt_1');
    expect(signed.headers['Bridges-Event-Type']).toBe('matching.partnership.established.v1');
    expect(signed.timestamp).toBe(t);
  });

  it('should carry one v1 per secret when secrets are being rotated', () => {
    const signed = sign({ secret: ['old-secret', 'new-secret'] });

    expect(signed.signatures).toHaveLength(2);
    expect(signed.headers['Bridges-Signature'].match(/v1=/g)).toHaveLength(2);
  });

  it('should sign bytes identically when the body is a Buffer or the same string', () => {
    expect(sign({ rawBody: Buffer.from(rawBody, 'utf8') }).signatures).toEqual(sign().signatures);
  });

  it('should throw when no secret is given', () => {
    expect(() => sign({ secret: [] })).toThrow(/secret/);
    expect(() => sign({ secret: '' })).toThrow(/secret/);
  });
});

describe(verifyWebhookSignature.name, () => {
  const header = () => sign().headers['Bridges-Signature'];
  const within = new Date(signedAt.getTime() + 120_000);

  it('should accept when body, secret and timestamp are right', () => {
    expect(verifyWebhookSignature({ header: header(), rawBody, secret, now: within })).toEqual({
      ok: true,
      timestamp: Math.floor(signedAt.getTime() / 1000),
    });
  });

  it('should reject when a single character of the body was changed', () => {
    const tampered = rawBody.replace('Житомир', 'Житомир!');
    expect(verifyWebhookSignature({ header: header(), rawBody: tampered, secret, now: within })).toEqual({
      ok: false,
      reason: WebhookSignatureFailure.SignatureMismatch,
    });
  });

  it('should reject when the secret is wrong', () => {
    expect(
      verifyWebhookSignature({ header: header(), rawBody, secret: 'whsec_other', now: within }),
    ).toMatchObject({
      ok: false,
      reason: WebhookSignatureFailure.SignatureMismatch,
    });
  });

  it('should reject when the timestamp was altered to pass the window', () => {
    const forged = header().replace(/t=\d+/, `t=${Math.floor(within.getTime() / 1000)}`);
    expect(verifyWebhookSignature({ header: forged, rawBody, secret, now: within })).toMatchObject({
      reason: WebhookSignatureFailure.SignatureMismatch,
    });
  });

  it('should reject when the signature is older than the tolerance', () => {
    const now = new Date(signedAt.getTime() + 301_000);
    expect(verifyWebhookSignature({ header: header(), rawBody, secret, now })).toMatchObject({
      ok: false,
      reason: WebhookSignatureFailure.TimestampOutsideTolerance,
    });
  });

  it('should reject when the timestamp lies in the future beyond the tolerance', () => {
    const now = new Date(signedAt.getTime() - 301_000);
    expect(verifyWebhookSignature({ header: header(), rawBody, secret, now })).toMatchObject({
      reason: WebhookSignatureFailure.TimestampOutsideTolerance,
    });
  });

  it('should honour a custom tolerance when one is given', () => {
    const now = new Date(signedAt.getTime() + 61_000);
    expect(verifyWebhookSignature({ header: header(), rawBody, secret, now, toleranceSeconds: 60 }).ok).toBe(
      false,
    );
    expect(verifyWebhookSignature({ header: header(), rawBody, secret, now, toleranceSeconds: 62 }).ok).toBe(
      true,
    );
  });

  it('should accept when any of the receiver secrets matches any v1 during rotation', () => {
    const rotated = sign({ secret: ['old-secret', 'new-secret'] }).headers['Bridges-Signature'];
    expect(verifyWebhookSignature({ header: rotated, rawBody, secret: 'new-secret', now: within }).ok).toBe(
      true,
    );
    expect(verifyWebhookSignature({ header: header(), rawBody, secret: ['x', secret], now: within }).ok).toBe(
      true,
    );
  });

  it('should report a missing header when none is given', () => {
    expect(verifyWebhookSignature({ header: undefined, rawBody, secret })).toEqual({
      ok: false,
      reason: WebhookSignatureFailure.MissingHeader,
    });
  });

  it.each([
    ['no timestamp', 'v1=' + 'a'.repeat(64)],
    ['no signature', 't=1764331200'],
    ['non-hex signature', 't=1764331200,v1=' + 'z'.repeat(64)],
    ['short signature', 't=1764331200,v1=abcd'],
    ['non-numeric timestamp', 't=soon,v1=' + 'a'.repeat(64)],
    ['garbage', 'hello'],
  ])('should report a malformed header when it has %s', (_case, value) => {
    expect(verifyWebhookSignature({ header: value, rawBody, secret, now: signedAt })).toEqual({
      ok: false,
      reason: WebhookSignatureFailure.MalformedHeader,
    });
  });

  it('should ignore unknown schemes when a v1 signature is also present', () => {
    const withV2 = `${header()},v2=${'b'.repeat(64)}`;
    expect(verifyWebhookSignature({ header: withV2, rawBody, secret, now: within }).ok).toBe(true);
  });
});

describe(generateWebhookSecret.name, () => {
  it('should return distinct url-safe prefixed secrets when called twice', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
