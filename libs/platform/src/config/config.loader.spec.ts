import { IsUrl } from 'class-validator';
import { BaseEnv, DEV_JWT_SECRET } from './base.env';
import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './config.loader';

class SampleEnv extends BaseEnv {
  @IsUrl({ require_tld: false })
  PUBLIC_URL: string;

  override HTTP_PORT = 3101;
}

const valid = {
  NODE_ENV: 'test',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  KAFKA_CLIENT_ID: 'sample',
  DATABASE_URL: 'postgres://bridges:secret@127.0.0.1:5432/registry',
  PUBLIC_URL: 'http://localhost:3101',
};

function captureError(fn: () => unknown): ConfigValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe(loadConfig.name, () => {
  it('should return a typed instance with converted values and defaults when the source is valid', () => {
    const env = loadConfig(SampleEnv, valid);

    expect(env).toBeInstanceOf(SampleEnv);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(env.HTTP_PORT).toBe(3101);
    expect(env.HTTP_HOST).toBe('127.0.0.1');
    expect(env.KAFKA_TOPIC_PREFIX).toBe('');
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.HTTP_BODY_LIMIT).toBe('1mb');
  });

  it('should convert numeric strings when a number is declared', () => {
    expect(loadConfig(SampleEnv, { ...valid, HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('should keep only declared variables when the source holds others', () => {
    const env = loadConfig(SampleEnv, { ...valid, PATH: '/usr/bin', SECRET_OF_SOMEONE_ELSE: 'x' });

    expect(Object.keys(env)).not.toContain('PATH');
    expect(Object.keys(env)).not.toContain('SECRET_OF_SOMEONE_ELSE');
  });

  it('should treat an empty string as unset when a default exists', () => {
    expect(loadConfig(SampleEnv, { ...valid, HTTP_HOST: '' }).HTTP_HOST).toBe('127.0.0.1');
  });

  it('should name every bad variable at once when several are wrong', () => {
    const error = captureError(() =>
      loadConfig(SampleEnv, {
        NODE_ENV: 'staging',
        HTTP_PORT: 'eighty',
        KAFKA_BROKERS: 'not a broker',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'not a url',
      }),
    );

    expect(error.variables).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'HTTP_PORT',
        'KAFKA_BROKERS',
        'KAFKA_CLIENT_ID',
        'DATABASE_URL',
        'PUBLIC_URL',
      ]),
    );
    for (const name of error.variables) expect(error.message).toContain(`${name}:`);
    expect(error.message).toContain('KAFKA_CLIENT_ID: is not set');
    expect(error.message).toContain(
      'NODE_ENV: must be one of the following values: development, test, production',
    );
  });

  it('should use the development signing key when NODE_ENV is test and no auth is configured', () => {
    expect(loadConfig(SampleEnv, valid).AUTH_JWT_SECRET).toBe(DEV_JWT_SECRET);
  });

  it('should require a signing key or JWKS URL when NODE_ENV is production', () => {
    const error = captureError(() =>
      loadConfig(SampleEnv, { ...valid, NODE_ENV: 'production', METRICS_TOKEN: 'a-long-scrape-token' }),
    );

    expect(error.variables).toEqual(['AUTH_JWT_SECRET']);
  });

  it('should default to production rules when NODE_ENV is unset', () => {
    const { NODE_ENV: _omit, ...withoutNodeEnv } = valid;
    const error = captureError(() => loadConfig(SampleEnv, withoutNodeEnv));

    expect(error.variables).toEqual(expect.arrayContaining(['AUTH_JWT_SECRET', 'METRICS_TOKEN']));
  });

  it('should reject the public development key when NODE_ENV is production', () => {
    const error = captureError(() =>
      loadConfig(SampleEnv, {
        ...valid,
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: DEV_JWT_SECRET,
        METRICS_TOKEN: 'a-long-scrape-token',
      }),
    );

    expect(error.message).toContain('AUTH_JWT_SECRET: must not be the public development key');
  });

  it('should require issuer and audience when a JWKS URL is configured', () => {
    const error = captureError(() =>
      loadConfig(SampleEnv, {
        ...valid,
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
        METRICS_TOKEN: 'a-long-scrape-token',
      }),
    );

    expect(error.variables).toEqual(['AUTH_ISSUER', 'AUTH_AUDIENCE']);
  });

  it('should accept a JWKS configuration without a local key when NODE_ENV is production', () => {
    const env = loadConfig(SampleEnv, {
      ...valid,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.example.org/',
      AUTH_AUDIENCE: 'bridges',
      METRICS_TOKEN: 'a-long-scrape-token',
    });

    expect(env.AUTH_JWT_SECRET).toBeUndefined();
    expect(env.HTTP_DOCS).toBe(false);
  });
});
