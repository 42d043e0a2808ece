import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { HttpLogger } from 'pino-http';
import { consoleSignIn } from '../auth/console-sign-in';
import { BaseEnv } from '../config/base.env';
import { loadConfig, type EnvClass } from '../config/config.loader';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { HTTP_LOGGER } from '../logging/logging.tokens';
import { createHttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsService } from '../metrics/metrics.service';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { CONSOLE_PATH, consoleRouter } from './console.static';
import { rejectUnsafeBody } from './unsafe-body.middleware';
import { MAX_INPUT_DEPTH } from './unsafe-input.scan';
import { createValidationPipe } from './validation.pipe';

/** The input rules every Bridges API applies, stated once at the top of each Swagger document. */
export const INPUT_RULES_DOC = [
  '**Input rules (every endpoint):** unknown fields are rejected; text fields are trimmed and stored in',
  'Unicode NFC, and a blank required text is rejected; strings containing NUL characters or lone',
  `surrogates and payloads nested more than ${MAX_INPUT_DEPTH} levels are rejected. Every rejection is a 400`,
  'with `errors: [{ field, messages }]`. When the database is unreachable, writes answer 503 with `Retry-After`.',
].join(' ');

/** Options of {@link bootstrapHttpApp}. */
export interface HttpAppOptions {
  /** Swagger title, e.g. 'Bridges registry'. */
  readonly title?: string;
  readonly description?: string;
  readonly version?: string;
  /** Directory of the service's built console, served at /console/ (see `builtConsoleDirectory`). */
  readonly console?: string;
}

/**
 * The OpenAPI document's frame (title, input rules, bearer auth). Shared by Swagger UI and the console
 * client generator (tools/consoles), so the consoles' typed clients come from the very same document.
 */
export function openApiConfig(options: HttpAppOptions): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle(options.title ?? 'Bridges')
    .setDescription([options.description, INPUT_RULES_DOC].filter(Boolean).join('\n\n'))
    .setVersion(options.version ?? '1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
}

/**
 * Applies the platform's HTTP conventions to an app created from a module that imports
 * `PlatformModule`: correlation id, request logs and latency metrics (mounted before the body parser
 * so rejected bodies are seen too), helmet, JSON/urlencoded bodies limited to HTTP_BODY_LIMIT and refused when unsafe
 * (`rejectUnsafeBody`: NUL, lone surrogates, prototype keys, deep nesting), the
 * global validation pipe and error filter, pino as Nest's logger, shutdown hooks and, when HTTP_DOCS,
 * Swagger UI at /docs with bearer auth, and the service's console at /console/ when `options.console` names its build. Call before `init()`/`listen()`; e2e tests call it on the app
 * from `Test.createTestingModule(...).createNestApplication()` to get the same behaviour.
 */
export function bootstrapHttpApp(app: INestApplication, options: HttpAppOptions = {}): INestApplication {
  const env = app.get(BaseEnv);
  const express = app as NestExpressApplication;

  express.useLogger(app.get(Logger));
  express.use(correlationIdMiddleware);
  express.use(app.get<HttpLogger>(HTTP_LOGGER));
  express.use(createHttpMetricsMiddleware(app.get(MetricsService)));
  express.use(helmet());
  if (options.console) {
    express.use(CONSOLE_PATH, consoleRouter(options.console, consoleSignIn(env)));
  }
  // Registered before Nest's defaults, which then skip json/urlencoded: this sets the limit.
  express.useBodyParser('json', { limit: env.HTTP_BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: env.HTTP_BODY_LIMIT, extended: true });
  express.use(rejectUnsafeBody);
  express.set('trust proxy', 'loopback, linklocal, uniquelocal');

  express.useGlobalPipes(createValidationPipe());
  express.useGlobalFilters(new AllExceptionsFilter());
  express.enableShutdownHooks();

  if (env.HTTP_DOCS) {
    const config = openApiConfig({ title: env.KAFKA_CLIENT_ID, ...options });
    SwaggerModule.setup('docs', express, () => SwaggerModule.createDocument(express, config));
  }
  return app;
}

/**
 * Creates a Nest app for a service: validates `envClass` first (a bad environment prints its
 * `ConfigValidationError` before Nest starts anything), then {@link bootstrapHttpApp}. Does not
 * listen: e2e tests use it as is; a service's main.ts calls `startEventDrivenService` (libs/messaging),
 * which adds the Kafka consumer and listens.
 */
export async function createServiceApp<T extends BaseEnv>(
  appModule: Type<unknown>,
  envClass: EnvClass<T>,
  options: HttpAppOptions = {},
): Promise<NestExpressApplication> {
  loadConfig(envClass);
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    // Let boot errors reject (and main exit non-zero) instead of Nest calling process.abort().
    abortOnError: false,
  });
  bootstrapHttpApp(app, options);
  return app;
}
