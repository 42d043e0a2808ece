import { Test } from '@nestjs/testing';
import { loadConfig } from '@bridges/platform';
import { WebhookTargetGuard } from '../channels/webhook';
import { NotificationsEnv } from '../config/notifications.env';
import { WEBHOOK_TARGET_GUARD_PROVIDERS } from './webhook-target-guard.provider';

describe('WEBHOOK_TARGET_GUARD_PROVIDERS', () => {
  const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
  const production = {
    ...base,
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: 'a-production-signing-key-of-enough-length',
    METRICS_TOKEN: 'a-metrics-token-value',
    UNSUBSCRIBE_SECRET: 'x'.repeat(40),
  };

  const guardFor = async (source: Record<string, string>) => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: NotificationsEnv, useValue: loadConfig(NotificationsEnv, source) },
        ...WEBHOOK_TARGET_GUARD_PROVIDERS,
      ],
    }).compile();
    return moduleRef.get(WebhookTargetGuard);
  };

  it('should build the production policy with the allow-lists when NODE_ENV=production', async () => {
    const guard = await guardFor({
      ...production,
      NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS: 'hooks.intranet.example, erp.intranet.example',
      NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS: '10.20.0.0/16,fd00::/8',
    });
    expect(guard.policy).toMatchObject({
      requireHttps: true,
      publicAddressesOnly: true,
      allowedHosts: ['hooks.intranet.example', 'erp.intranet.example'],
    });
    expect(guard.checkUrl(new URL('https://10.20.1.1/x'))).toEqual({ allowed: true });
    expect(guard.checkUrl(new URL('https://10.21.1.1/x')).allowed).toBe(false);
  });

  it('should allow local http receivers when NODE_ENV is development or test', async () => {
    for (const NODE_ENV of ['development', 'test']) {
      const guard = await guardFor({ ...base, NODE_ENV });
      expect(guard.policy).toMatchObject({ requireHttps: false, publicAddressesOnly: false });
      expect(guard.checkUrl(new URL('http://127.0.0.1:3003/hook'))).toEqual({ allowed: true });
    }
  });

  it('should refuse to start when an allowed CIDR or host is malformed', () => {
    expect(() =>
      loadConfig(NotificationsEnv, { ...production, NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/99' }),
    ).toThrow(/NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS/);
    expect(() =>
      loadConfig(NotificationsEnv, {
        ...production,
        NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS: 'https://hooks.example/',
      }),
    ).toThrow(/NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS/);
  });
});
