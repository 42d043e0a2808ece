import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { BaseEnv } from '../config/base.env';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { createHttpLogger, createRootLogger, type RootLoggerOptions } from './logger.factory';
import { HTTP_LOGGER, LOGGING_OPTIONS, ROOT_LOGGER } from './logging.tokens';

/** Options of {@link PlatformLoggingModule.forRoot}. */
export type LoggingOptions = RootLoggerOptions;

/** Every route, in the path syntax of Nest 11 / Express 5. */
export const ALL_ROUTES = { path: '{*splat}', method: RequestMethod.ALL };

/** Holds the root logger so nestjs-pino's async factory can inject it. */
@Module({})
class RootLoggerModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const providers = [
      { provide: LOGGING_OPTIONS, useValue: options },
      {
        provide: ROOT_LOGGER,
        inject: [BaseEnv, LOGGING_OPTIONS],
        useFactory: (env: BaseEnv, opts: LoggingOptions): Logger =>
          createRootLogger(env, { ...opts, service: opts.service ?? env.KAFKA_CLIENT_ID }),
      },
      { provide: HTTP_LOGGER, inject: [ROOT_LOGGER], useFactory: createHttpLogger },
    ];
    return { module: RootLoggerModule, providers, exports: [ROOT_LOGGER, HTTP_LOGGER] };
  }
}

/**
 * nestjs-pino wired to the platform's root logger. pino-http itself is mounted by `bootstrapHttpApp`
 * ahead of the body parser (so malformed or oversized bodies are logged too); nestjs-pino only binds
 * each request's child logger (`useExisting`). Requires {@link PlatformConfigModule}.
 */
@Module({})
export class PlatformLoggingModule implements NestModule {
  static forRoot(options: LoggingOptions = {}): DynamicModule {
    const root = RootLoggerModule.forRoot(options);
    return {
      module: PlatformLoggingModule,
      global: true,
      imports: [
        root,
        LoggerModule.forRootAsync({
          imports: [root],
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) => ({
            pinoHttp: { logger },
            useExisting: true,
            forRoutes: [ALL_ROUTES],
          }),
        }),
      ],
      exports: [root, LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Re-enter the correlation context after the body parser, whatever it did to async context.
    consumer.apply(correlationIdMiddleware).forRoutes(ALL_ROUTES);
  }
}
