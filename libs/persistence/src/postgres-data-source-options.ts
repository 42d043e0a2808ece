import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface PostgresDataSourceSettings {
  /** `postgres://user:password@host:port/database` */
  readonly url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  /** Shown in pg_stat_activity, so an operator sees which service holds a connection. */
  readonly applicationName: string;
  readonly poolSize?: number;
}

/**
 * The data source options every service uses: PostgreSQL, migrations only (never `synchronize`),
 * one migrations table per service database.
 */
export function postgresDataSourceOptions(settings: PostgresDataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    extra: { max: settings.poolSize ?? 10 },
  };
}
