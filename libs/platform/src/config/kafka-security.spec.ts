import { BaseEnv } from './base.env';
import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './config.loader';

const base = {
  NODE_ENV: 'test',
  KAFKA_BROKERS: 'b-1.kafka.example.org:9096',
  KAFKA_CLIENT_ID: 'bridges-sample',
  DATABASE_URL: 'postgres://sample:secret@127.0.0.1:5432/sample',
};

describe(`${BaseEnv.name}.kafkaSecurity`, () => {
  it('should connect in plaintext without SASL when nothing is configured (the local broker)', () => {
    expect(loadConfig(BaseEnv, base).kafkaSecurity()).toEqual({ ssl: false, sasl: undefined });
  });

  it('should give TLS and SCRAM credentials when a secured cluster is configured', () => {
    const env = loadConfig(BaseEnv, {
      ...base,
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'bridges-matching',
      KAFKA_SASL_PASSWORD: 'Zr8qN2vLw5pT',
    });

    expect(env.kafkaSecurity()).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'bridges-matching', password: 'Zr8qN2vLw5pT' },
    });
  });

  it('should name both credentials when a mechanism is set without them', () => {
    expect(() => loadConfig(BaseEnv, { ...base, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      expect.objectContaining({
        variables: ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'],
      }) as ConfigValidationError,
    );
  });

  it('should refuse a mechanism the client does not speak', () => {
    expect(() => loadConfig(BaseEnv, { ...base, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      /KAFKA_SASL_MECHANISM: must be one of the following values: plain, scram-sha-256, scram-sha-512/,
    );
  });
});
