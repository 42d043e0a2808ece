import type { EntitySchema, MixedList } from 'typeorm';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface ServiceSchema {
  readonly entities: MixedList<Function | string | EntitySchema>;
  readonly migrations: MixedList<Function | string>;
  /** Where new migrations of this service are written. */
  readonly migrationsDir: string;
  /** The database `npm start` gives the service. */
  readonly devDatabase: string;
}

/**
 * Each service's entities and migrations, loaded on demand from
 * `apps/<service>/src/database/<service>.database.ts` (exports `<SERVICE>_ENTITIES` and `<SERVICE>_MIGRATIONS`).
 */
export function loadServiceSchema(service: string): ServiceSchema {
  if (!/^[a-z-]+$/.test(service)) throw new Error(`not a service name: ${service}`);
  const prefix = service.toUpperCase().replace(/-/g, '_');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(`../../apps/${service}/src/database/${service}.database`) as Record<string, unknown>;
  const entities = module[`${prefix}_ENTITIES`];
  const migrations = module[`${prefix}_MIGRATIONS`];
  if (!Array.isArray(entities) || !Array.isArray(migrations)) {
    throw new Error(
      `apps/${service}/src/database/${service}.database.ts must export ${prefix}_ENTITIES and ${prefix}_MIGRATIONS`,
    );
  }
  return {
    entities: entities as ServiceSchema['entities'],
    migrations: migrations as ServiceSchema['migrations'],
    migrationsDir: `apps/${service}/src/migrations`,
    devDatabase: `bridges_${service.replace(/-/g, '_')}`,
  };
}
