import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv } from './base.env';
import { loadConfig, type EnvClass, type EnvSource } from './config.loader';

/** Options of {@link PlatformConfigModule.forRoot}. */
export interface PlatformConfigOptions {
  /** Variables to read; `process.env` when omitted. Tests pass a literal object. */
  readonly source?: EnvSource;
  /** An already validated instance (e.g. from `loadConfig` in main.ts); skips loading again. */
  readonly config?: object;
}

/**
 * Provides the app's validated env object under its class token (inject `RegistryEnv`), and under
 * {@link BaseEnv} so platform and other libs read the common variables without knowing the app.
 * Global: import once in the root module.
 */
@Module({})
export class PlatformConfigModule {
  static forRoot<T extends BaseEnv>(
    envClass: EnvClass<T>,
    options: PlatformConfigOptions = {},
  ): DynamicModule {
    const providers = [
      {
        provide: envClass,
        // A factory, not a value: validation runs when the app boots, not when the module file is imported.
        useFactory: (): T => (options.config as T | undefined) ?? loadConfig(envClass, options.source),
      },
      ...(envClass === (BaseEnv as unknown) ? [] : [{ provide: BaseEnv, useExisting: envClass }]),
    ];
    return {
      module: PlatformConfigModule,
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
