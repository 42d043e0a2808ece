/**
 * npm run migration:generate -- <service> <kebab-name>   draft a migration from entity changes
 * npm run migration:run -- <service>                     apply pending migrations (DATABASE_URL, else the local dev database)
 * npm run migration:revert -- <service>                  revert the last applied migration
 *
 * generate runs the service's existing migrations on a scratch database, asks TypeORM what it would
 * change to match the entities, and writes that as a new migration for you to read, edit and list in
 * `<service>.database.ts`. It never touches a real database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '../../libs/persistence/src';
import { ensureLocalInfra } from '../infra';
import { loadServiceSchema, type ServiceSchema } from './service-schemas';

const ROOT = join(__dirname, '..', '..');
const log = (line: string) => console.error(`[migrations] ${line}`);

async function adminUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return (await ensureLocalInfra({ log, provision: false })).databaseUrl;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function dataSourceFor(url: string, schema: ServiceSchema, service: string): DataSource {
  return new DataSource(
    postgresDataSourceOptions({
      url,
      applicationName: `migrations-${service}`,
      entities: schema.entities,
      migrations: schema.migrations,
    }),
  );
}

const className = (name: string, timestamp: number) =>
  name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()) + timestamp;

async function generate(service: string, name: string): Promise<void> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
    throw new Error('name must be kebab-case, e.g. add-partnership-track');
  const schema = loadServiceSchema(service);
  const root = await adminUrl();
  const scratch = `scratch_${service.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  await admin(root, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(scratch)}`));
  const dataSource = dataSourceFor(withDatabase(root, scratch), schema, service);
  try {
    await dataSource.initialize();
    await runMigrationsUnderLock(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      log(`no changes: ${service}'s entities match its migrations`);
      return;
    }
    const timestamp = Date.now();
    const cls = className(name, timestamp);
    const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: say what this migration is for. Drafted by npm run migration:generate; read before committing. */
export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await q.query(${quote(u.query)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${[...sql.downQueries]
  .reverse()
  .map((d) => `    await q.query(${quote(d.query)});`)
  .join('\n')}
  }
}
`;
    const file = join(ROOT, schema.migrationsDir, `${timestamp}-${name}.ts`);
    writeFileSync(file, body);
    log(
      `wrote ${file}\nnext: read it, then add ${cls} to the migrations list in apps/${service}/src/database/${service}.database.ts`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(root, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(scratch)} WITH (FORCE)`));
  }
}

async function runOrRevert(service: string, direction: 'run' | 'revert'): Promise<void> {
  const schema = loadServiceSchema(service);
  const url = process.env.DATABASE_URL ?? withDatabase(await adminUrl(), schema.devDatabase);
  const dataSource = dataSourceFor(url, schema, service);
  await dataSource.initialize();
  try {
    if (direction === 'run') {
      const applied = await runMigrationsUnderLock(dataSource);
      log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      log('reverted the last migration');
    }
  } finally {
    await dataSource.destroy();
  }
}

async function main([command, service, name]: string[]): Promise<void> {
  if (!service)
    throw new Error(
      'usage: migration:generate <service> <name> | migration:run <service> | migration:revert <service>',
    );
  if (command === 'generate') return generate(service, name ?? '');
  if (command === 'run' || command === 'revert') return runOrRevert(service, command);
  throw new Error(`unknown command ${command}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
