export * from './postgres-data-source-options';
export * from './run-migrations';
export * from './schema-drift';
export * from './service-database.module';
export * from './retry-on-contention';
