import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { BaseEnv } from '@bridges/platform';
import { postgresDataSourceOptions } from './postgres-data-source-options';
import { runMigrationsUnderLock } from './run-migrations';

export interface ServiceDatabaseOptions {
  /** Service name, shown as the connection's application_name. */
  readonly serviceName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
}

/**
 * The service's own PostgreSQL database (DATABASE_URL), with its pending migrations applied at boot
 * under an advisory lock, so that several instances can start together.
 */
@Module({})
export class ServiceDatabaseModule {
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: ServiceDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) =>
            postgresDataSourceOptions({
              url: env.DATABASE_URL,
              applicationName: `bridges-${options.serviceName}`,
              entities: options.entities,
              migrations: options.migrations,
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await runMigrationsUnderLock(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
