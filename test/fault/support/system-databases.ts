import { Pool } from 'pg';
import type { BridgesSystem, ServiceName } from './bridges-system';
import { SERVICE_NAMES } from './bridges-system';

/** Read access to each service's own database, for counting what the services stored. */
export class SystemDatabases {
  private readonly pools: Record<ServiceName, Pool>;

  constructor(system: BridgesSystem) {
    this.pools = Object.fromEntries(
      SERVICE_NAMES.map((name) => {
        // Pools reconnect after a database outage; an idle connection cut by one must not crash the test.
        const pool = new Pool({ connectionString: system.databaseUrl(name), max: 2 });
        pool.on('error', () => undefined);
        return [name, pool];
      }),
    ) as Record<ServiceName, Pool>;
  }

  async rows<T extends object>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pools[service].query<T>(sql, params)).rows;
  }

  async count(service: ServiceName, sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.rows<{ n: string }>(service, sql, params);
    return Number(row.n);
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((pool) => pool.end()));
  }
}
