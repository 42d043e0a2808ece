import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseReadinessCheck } from './database.readiness-check';
import { HealthController } from './health.controller';
import { ReadinessEvaluator } from './readiness.evaluator';
import { ReadinessRegistry } from './readiness.registry';

/** Options of {@link PlatformHealthModule.forRoot}. */
export interface HealthOptions {
  /** Check the TypeORM DataSource in /health/ready (default true). */
  readonly database?: boolean;
}

/** `/health/live`, `/health/ready` and the global {@link ReadinessRegistry}. */
@Global()
@Module({})
export class PlatformHealthModule {
  static forRoot(options: HealthOptions = {}): DynamicModule {
    return {
      module: PlatformHealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        ReadinessRegistry,
        ReadinessEvaluator,
        ...(options.database === false ? [] : [DatabaseReadinessCheck]),
      ],
      exports: [ReadinessRegistry, ReadinessEvaluator],
    };
  }
}
