// class-transformer's @Type reads design metadata; load the polyfill even when Nest is not imported.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';

/** Runtime environments the platform distinguishes. */
export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** pino levels accepted by LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * HS256 key used when NODE_ENV is development or test and neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is
 * set. Public on purpose: tokens signed with it prove nothing, so production refuses it.
 */
export const DEV_JWT_SECRET = 'bridges-development-only-signing-key-change-me';

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** SASL mechanisms the Kafka client speaks (kafkajs names). */
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : value;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/** Rejects the public development key when NODE_ENV=production. */
function IsNotDevSecretInProduction(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotDevSecretInProduction',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as BaseEnv).NODE_ENV !== 'production' || value !== DEV_JWT_SECRET,
        defaultMessage: () => 'must not be the public development key when NODE_ENV=production',
      },
    });
}

/**
 * Values that stand in for a secret in examples and manifests (`change-me`, `replace-me`, the public
 * development keys): anyone who read the repository knows them, so production refuses them.
 */
export const PLACEHOLDER_SECRET = /change[-_ ]?me|replace[-_ ]?me|development[-_ ]only/i;

/**
 * Rejects a known placeholder ({@link PLACEHOLDER_SECRET}) when NODE_ENV=production; for secrets, and
 * for connection URLs that carry one (a `postgres://user:change-me@…` password).
 */
export function IsNotPlaceholderInProduction(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotPlaceholderInProduction',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as BaseEnv).NODE_ENV !== 'production' ||
          typeof value !== 'string' ||
          !PLACEHOLDER_SECRET.test(value),
        defaultMessage: () =>
          'is a known placeholder (change-me, replace-me, a development key): set a real secret when NODE_ENV=production',
      },
    });
}

/**
 * Variables every Bridges service reads. An app declares one subclass with its own variables and
 * defaults (`class RegistryEnv extends BaseEnv { override HTTP_PORT = 3001 }`) and injects that class;
 * nothing else reads `process.env`.
 */
export class BaseEnv {
  /** development | test | production. Unset means production, so a forgotten variable fails safe. */
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'production';

  /** Port of the HTTP API (0 picks a free port, for tests). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 3000;

  /** Interface to bind; 0.0.0.0 in containers. */
  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '127.0.0.1';

  /** Largest accepted request body, in body-parser notation (e.g. 512kb, 1mb). */
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb)$/i, { message: 'must be a size like 512kb or 1mb' })
  HTTP_BODY_LIMIT = '1mb';

  /** Serve Swagger UI at /docs. Defaults to on outside production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  HTTP_DOCS?: boolean;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /**
   * Append log lines to this file instead of writing them to stdout. The test harness sets it to
   * each test file's log, so service logs do not interleave with the test runner's output.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  LOG_FILE?: string;

  /** Comma-separated host:port list. */
  @Transform(splitList)
  @IsArray({ message: 'must be a comma-separated list of host:port' })
  @ArrayNotEmpty({ message: 'must list at least one host:port' })
  @Matches(HOST_PORT, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[];

  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID: string;

  /** TLS to the brokers, as a managed or otherwise secured Kafka cluster requires. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  KAFKA_SSL = false;

  /** SASL mechanism of a secured cluster, with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD; unset: none. */
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @ValidateIf((o: BaseEnv) => o.KAFKA_SASL_MECHANISM !== undefined || o.KAFKA_SASL_USERNAME !== undefined)
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty()
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((o: BaseEnv) => o.KAFKA_SASL_MECHANISM !== undefined || o.KAFKA_SASL_PASSWORD !== undefined)
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty()
  @IsNotPlaceholderInProduction()
  KAFKA_SASL_PASSWORD?: string;

  /** Prepended to every topic name; lets parallel tests isolate their topics. */
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may contain only letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  /** postgres://user:password@host:port/database */
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false, require_host: true },
    { message: 'must be a URL like postgres://user:password@127.0.0.1:5432/db' },
  )
  @IsNotPlaceholderInProduction()
  DATABASE_URL: string;

  /**
   * HS256 signing key for bearer tokens (development). Required unless AUTH_JWKS_URL is set; outside
   * development/test it has no default.
   */
  @ValidateIf((o: BaseEnv) => !o.AUTH_JWKS_URL || o.AUTH_JWT_SECRET !== undefined)
  @IsString({ message: 'is required (at least 32 characters) unless AUTH_JWKS_URL is set' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsNotDevSecretInProduction()
  @IsNotPlaceholderInProduction()
  AUTH_JWT_SECRET?: string;

  /** JWKS endpoint of the identity provider (production). */
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  /** Expected `iss` claim; required with AUTH_JWKS_URL. */
  @ValidateIf((o: BaseEnv) => !!o.AUTH_JWKS_URL || o.AUTH_ISSUER !== undefined)
  @IsString({ message: 'is required when AUTH_JWKS_URL is set' })
  @IsNotEmpty()
  AUTH_ISSUER?: string;

  /** Expected `aud` claim; required with AUTH_JWKS_URL. */
  @ValidateIf((o: BaseEnv) => !!o.AUTH_JWKS_URL || o.AUTH_AUDIENCE !== undefined)
  @IsString({ message: 'is required when AUTH_JWKS_URL is set' })
  @IsNotEmpty()
  AUTH_AUDIENCE?: string;

  /**
   * Longest lifetime (`exp - iat`) a bearer token may have, in seconds; longer ones are refused, as
   * are tokens without `exp`. 12 h by default: a working day plus margin.
   */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(604_800)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = 43_200;

  /**
   * The console's OpenID Connect client id at AUTH_ISSUER (a public client: Authorization Code + PKCE,
   * redirect URI `<service>/console/`). With AUTH_JWKS_URL, the console signs users in there.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CONSOLE_OIDC_CLIENT_ID?: string;

  /** Scopes the console asks the identity provider for. */
  @IsString()
  @IsNotEmpty()
  CONSOLE_OIDC_SCOPE = 'openid profile email';

  /**
   * Static bearer credential Prometheus sends to /metrics. Required in production (no endpoint but
   * health is anonymous there); when unset outside production, /metrics is anonymous.
   */
  @ValidateIf((o: BaseEnv) => o.NODE_ENV === 'production' || o.METRICS_TOKEN !== undefined)
  @IsString({ message: 'is required when NODE_ENV=production (Prometheus scrape credential)' })
  @MinLength(16, { message: 'must be at least 16 characters' })
  @IsNotPlaceholderInProduction()
  METRICS_TOKEN?: string;

  /** TLS and SASL settings for the Kafka client, as libs/messaging takes them. */
  kafkaSecurity(): {
    ssl: boolean;
    sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
  } {
    const {
      KAFKA_SASL_MECHANISM: mechanism,
      KAFKA_SASL_USERNAME: username,
      KAFKA_SASL_PASSWORD: password,
    } = this;
    return {
      ssl: this.KAFKA_SSL,
      sasl: mechanism && username && password ? { mechanism, username, password } : undefined,
    };
  }

  /**
   * Fills defaults that depend on other variables. Called by `loadConfig` after transformation and
   * before validation; subclasses overriding it call `super.applyDerivedDefaults()`.
   */
  applyDerivedDefaults(): void {
    const devLike = this.NODE_ENV === 'development' || this.NODE_ENV === 'test';
    if (devLike && !this.AUTH_JWT_SECRET && !this.AUTH_JWKS_URL) this.AUTH_JWT_SECRET = DEV_JWT_SECRET;
    if (this.HTTP_DOCS === undefined) this.HTTP_DOCS = this.NODE_ENV !== 'production';
  }
}
