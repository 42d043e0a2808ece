import { Client } from 'pg';

/**
 * Row count of every table and last value of every sequence in a database's public schema: equal
 * before and after a request means the request wrote nothing (a sequence also moves for a row
 * written and deleted again, e.g. an outbox entry already relayed).
 */
export async function databaseSnapshot(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const snapshot: Record<string, string> = {};
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${name}`);
      snapshot[`table ${name}`] = rows[0].n;
    }
    const sequences = await client.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const { name, last } of sequences.rows) snapshot[`sequence ${name}`] = last ?? '0';
    return snapshot;
  } finally {
    await client.end();
  }
}
