import { ConfigValidationError, loadConfig } from '@bridges/platform';
import { DEV_UNSUBSCRIBE_SECRET, NotificationsEnv } from './notifications.env';

describe(NotificationsEnv.name, () => {
  const base = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

  describe('applyDerivedDefaults', () => {
    it('should default to the local sink without STARTTLS and public development secrets when NODE_ENV=development', () => {
      const env = loadConfig(NotificationsEnv, { ...base, NODE_ENV: 'development' });
      expect(env.HTTP_PORT).toBe(3003);
      expect(env.SMTP_IGNORE_TLS).toBe(true);
      expect(env.UNSUBSCRIBE_SECRET).toBe(DEV_UNSUBSCRIBE_SECRET);
      expect(env.PUBLIC_BASE_URL).toBe('http://127.0.0.1:3003/');
      expect(env.NOTIFICATIONS_DEMO_CONTACTS).toBe(false);
    });

    it('should try STARTTLS when the SMTP host is not loopback', () => {
      expect(
        loadConfig(NotificationsEnv, { ...base, NODE_ENV: 'development', SMTP_HOST: 'smtp.example.org' })
          .SMTP_IGNORE_TLS,
      ).toBe(false);
    });
  });

  describe('validation', () => {
    const production = {
      ...base,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a-production-signing-key-of-enough-length',
      METRICS_TOKEN: 'a-metrics-token-value',
    };

    it('should refuse to start in production without an unsubscribe secret', () => {
      expect(() => loadConfig(NotificationsEnv, production)).toThrow(ConfigValidationError);
      expect(() => loadConfig(NotificationsEnv, production)).toThrow(/UNSUBSCRIBE_SECRET/);
    });

    it('should refuse the placeholder unsubscribe secret of the old manifests in production (anyone could forge links)', () => {
      const env = { ...production, UNSUBSCRIBE_SECRET: 'change-me-to-at-least-32-random-characters' };
      expect(() => loadConfig(NotificationsEnv, env)).toThrow(/UNSUBSCRIBE_SECRET: is a known placeholder/);
    });

    it('should refuse demo contacts in production', () => {
      const env = { ...production, UNSUBSCRIBE_SECRET: 'x'.repeat(40), NOTIFICATIONS_DEMO_CONTACTS: 'true' };
      expect(() => loadConfig(NotificationsEnv, env)).toThrow(/NOTIFICATIONS_DEMO_CONTACTS/);
    });

    it('should reject a value that is not a boolean when demo contacts are configured', () => {
      expect(() =>
        loadConfig(NotificationsEnv, {
          ...base,
          NODE_ENV: 'development',
          NOTIFICATIONS_DEMO_CONTACTS: 'maybe',
        }),
      ).toThrow(/NOTIFICATIONS_DEMO_CONTACTS/);
    });

    it('should start in production when every required variable is set', () => {
      expect(
        loadConfig(NotificationsEnv, { ...production, UNSUBSCRIBE_SECRET: 'x'.repeat(40) }).NODE_ENV,
      ).toBe('production');
    });
  });
});
