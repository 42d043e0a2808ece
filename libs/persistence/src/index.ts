export * from './postgres-data-source-options';
export * from './run-migrations';
export * from './schema-drift';
