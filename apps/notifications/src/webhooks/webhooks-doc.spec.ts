import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_DELIVERY_ATTEMPTS } from './webhook-retry.policy';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.util';
import { DEFAULT_MAX_CONSECUTIVE_FAILURES } from './webhook-subscription-health.policy';

// The verification recipe is public documentation; these tests keep its test vector and numbers true.
const doc = readFileSync(join(__dirname, '../../docs/webhooks.md'), 'utf8');

function vector() {
  const section = doc.slice(doc.indexOf('## Test vector'));
  const row = (name: string) => {
    const match = new RegExp(`^\\|\\s*${name}\\s*\\|\\s*\`([^\`]+)\``, 'm').exec(section);
    if (!match) throw new Error(`test vector row "${name}" missing from docs/webhooks.md`);
    return match[1];
  };
  return {
    secret: row('secret'),
    t: Number(row('`t`')),
    rawBody: row('raw body'),
    header: row('`Bridges-Signature`'),
  };
}

describe(verifyWebhookSignature.name, () => {
  it('should accept the documented test vector when the clock reads its timestamp', () => {
    const { secret, t, rawBody, header } = vector();
    expect(verifyWebhookSignature({ header, rawBody, secret, now: new Date(t * 1000) })).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('should reject the documented test vector when the body is tampered as in the curl example', () => {
    const { secret, t, rawBody, header } = vector();
    const tampered = rawBody.replace('formal', 'solidarity');
    expect(verifyWebhookSignature({ header, rawBody: tampered, secret, now: new Date(t * 1000) }).ok).toBe(
      false,
    );
  });
});

describe(signWebhook.name, () => {
  it('should produce exactly the documented header for the test vector', () => {
    const { secret, t, rawBody, header } = vector();
    const signed = signWebhook({
      secret,
      eventId: 'e',
      eventType: 't',
      rawBody,
      timestamp: new Date(t * 1000),
    });
    expect(signed.headers['Bridges-Signature']).toBe(header);
  });
});

describe('webhooks.md', () => {
  it('should state the attempt and failure limits the policies use', () => {
    expect(doc).toContain(`After ${DEFAULT_MAX_DELIVERY_ATTEMPTS} attempts`);
    expect(doc).toContain(`after ${DEFAULT_MAX_CONSECUTIVE_FAILURES} failed attempts in a row`);
  });
});
