import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformAuthModule } from './auth/platform-auth.module';
import type { BaseEnv } from './config/base.env';
import type { EnvClass, EnvSource } from './config/config.loader';
import { PlatformConfigModule } from './config/platform-config.module';
import { PlatformHealthModule, type HealthOptions } from './health/platform-health.module';
import { PlatformLoggingModule, type LoggingOptions } from './logging/platform-logging.module';
import { PlatformMetricsModule } from './metrics/platform-metrics.module';

/** Options of {@link PlatformModule.forRoot}. */
export interface PlatformOptions<T extends BaseEnv> {
  /** The app's env class, e.g. `RegistryEnv`; injectable by that class and as `BaseEnv`. */
  readonly env: EnvClass<T>;
  /** Variables to read instead of `process.env` (tests). */
  readonly envSource?: EnvSource;
  /** Written on every log line as `service`; defaults to KAFKA_CLIENT_ID. */
  readonly serviceName?: string;
  readonly logging?: Omit<LoggingOptions, 'service'>;
  readonly health?: HealthOptions;
}

/**
 * Config, logging, health, metrics and auth in one import for a service's root module:
 *
 * ```ts
 * @Module({ imports: [PlatformModule.forRoot({ env: RegistryEnv, serviceName: 'registry' }), ...] })
 * export class AppModule {}
 * ```
 * Pair it with `createServiceApp` / `bootstrapHttpApp`, which mount the HTTP side
 * (`startEventDrivenService` in libs/messaging does both for a service's main.ts).
 */
@Module({})
export class PlatformModule {
  static forRoot<T extends BaseEnv>(options: PlatformOptions<T>): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.forRoot(options.env, { source: options.envSource }),
        PlatformLoggingModule.forRoot({ ...options.logging, service: options.serviceName }),
        PlatformMetricsModule,
        PlatformHealthModule.forRoot(options.health),
        PlatformAuthModule,
      ],
      exports: [
        PlatformConfigModule,
        PlatformLoggingModule,
        PlatformMetricsModule,
        PlatformHealthModule,
        PlatformAuthModule,
      ],
    };
  }
}
