import type { DataSource } from 'typeorm';

/**
 * How many outbox rows were ever inserted: the value last drawn from the outbox id sequence. Unlike
 * a row count it also moves for a row the relay has already published and deleted, so a test can
 * prove "nothing was written to the outbox" at once, without waiting for the relay.
 */
export async function outboxInsertCounter(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ last: string }[]>(
    `SELECT coalesce(last_value, 0)::text AS last
       FROM pg_sequences
      WHERE schemaname = current_schema()
        AND sequencename = split_part(pg_get_serial_sequence('outbox_message', 'id'), '.', 2)`,
  );
  if (!row) throw new Error('outbox_message has no id sequence');
  return row.last;
}

/** The sum of all profile versions: moves with every profile written. */
export async function versionSum(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ v: string }[]>(
    'SELECT coalesce(sum(version), 0)::text AS v FROM municipality',
  );
  return Number(row.v);
}
