import { BaseEnv, IsNotPlaceholderInProduction, PLACEHOLDER_SECRET } from './base.env';
import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './config.loader';

class ServiceEnv extends BaseEnv {
  @IsNotPlaceholderInProduction()
  SIGNING_SECRET = 'a-real-secret-of-enough-length-0123456789';
}

const production = {
  NODE_ENV: 'production',
  KAFKA_BROKERS: 'kafka-0.kafka:9092',
  KAFKA_CLIENT_ID: 'bridges-sample',
  DATABASE_URL: 'postgres://sample:Vq3x9TzLp0e7@db.internal:5432/sample',
  AUTH_JWKS_URL: 'https://id.bridges.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://id.bridges.example.org/',
  AUTH_AUDIENCE: 'bridges',
  METRICS_TOKEN: 'nJ4vQ8sWk2LzR7yT',
};

function problemsOf(source: Record<string, string>): ConfigValidationError {
  try {
    loadConfig(ServiceEnv, source);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe(IsNotPlaceholderInProduction.name, () => {
  it('should accept real secrets when NODE_ENV is production', () => {
    expect(loadConfig(ServiceEnv, production).METRICS_TOKEN).toBe(production.METRICS_TOKEN);
  });

  it('should refuse every placeholder the manifests and examples used, naming each variable, when NODE_ENV is production', () => {
    const error = problemsOf({
      ...production,
      DATABASE_URL: 'postgres://registry:change-me@postgres:5432/bridges_registry',
      METRICS_TOKEN: 'change-me-to-a-long-random-value',
      AUTH_JWKS_URL: '',
      AUTH_JWT_SECRET: 'replace-me-with-at-least-32-random-characters',
      SIGNING_SECRET: 'change-me-to-at-least-32-random-characters',
    });

    expect([...error.variables].sort()).toEqual([
      'AUTH_JWT_SECRET',
      'DATABASE_URL',
      'METRICS_TOKEN',
      'SIGNING_SECRET',
    ]);
    expect(error.message).toContain('METRICS_TOKEN: is a known placeholder');
  });

  it('should accept placeholders when NODE_ENV is development (the quick start uses public keys)', () => {
    const env = loadConfig(ServiceEnv, {
      ...production,
      NODE_ENV: 'development',
      METRICS_TOKEN: 'change-me-to-a-long-random-value',
      SIGNING_SECRET: 'bridges-development-only-unsubscribe-secret',
    });

    expect(env.SIGNING_SECRET).toBe('bridges-development-only-unsubscribe-secret');
  });

  it.each(['change-me', 'CHANGEME', 'replace_me', 'bridges-development-only-signing-key'])(
    'should recognise %s as a placeholder',
    (value) => expect(PLACEHOLDER_SECRET.test(value)).toBe(true),
  );
});
