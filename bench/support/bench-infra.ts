import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureLocalInfra, provisionTopics, type ProvisionedTopic } from '../../tools/infra';

export interface BenchInfra {
  readonly brokers: string[];
  /** A fresh database of its own, dropped by `close()`. */
  readonly databaseUrl: string;
  /** Unique topic prefix, so a benchmark never reads another run's records. */
  readonly topicPrefix: string;
  close(): Promise<void>;
}

/**
 * Real Kafka and PostgreSQL for a benchmark: KAFKA_BROKERS / DATABASE_URL when given, else the local
 * infrastructure (started if needed, and left running for the next run: `npm run infra:down` stops it).
 */
export async function benchInfra(name: string, topics: readonly ProvisionedTopic[]): Promise<BenchInfra> {
  let brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  let adminUrl = process.env.DATABASE_URL;
  if (!brokers?.length || !adminUrl) {
    const infra = await ensureLocalInfra({ log: (line) => process.stderr.write(`[infra] ${line}\n`) });
    brokers = infra.kafkaBrokers;
    adminUrl = infra.databaseUrl;
  }
  const topicPrefix = `bench-${randomBytes(3).toString('hex')}.`;
  await provisionTopics(brokers, { prefix: topicPrefix, topics });
  const database = `bench_${name}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    brokers,
    databaseUrl: url.toString(),
    topicPrefix,
    close: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
      await client.end();
    },
  };
}
