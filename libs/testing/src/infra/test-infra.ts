/**
 * Helpers for test files that need real infrastructure. Global setup (./global-setup.ts) has put
 * KAFKA_BROKERS and DATABASE_URL into the environment; these helpers give each test file its own
 * database and its own topic names, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { provisionTopics, type ProvisionedTopic, type ProvisionResult } from '../../../../tools/infra';

function required(name: 'KAFKA_BROKERS' | 'DATABASE_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run this test through a jest project with the test-infra global setup`,
    );
  }
  return value;
}

/** Brokers of the test Kafka (from global setup). */
export function testKafkaBrokers(): string[] {
  return required('KAFKA_BROKERS').split(',').filter(Boolean);
}

/** URL of the test PostgreSQL's maintenance database (from global setup). Prefer createTestDatabase(). */
export function testDatabaseUrl(): string {
  return required('DATABASE_URL');
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database with a random name on the test PostgreSQL (or on the server of `adminUrl`,
 * e.g. the fault suite's own).
 */
export async function createTestDatabase(
  prefix = 'test',
  adminUrl: string = testDatabaseUrl(),
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase();
  const url = new URL(adminUrl);
  await withClient(url.toString(), (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  const admin = url.toString();
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withClient(admin, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A prefix such as `t-3f9a1c2b.` that makes a test file's topic names its own. */
export function uniqueTopicPrefix(): string {
  return `t-${randomBytes(4).toString('hex')}.`;
}

/** Creates `prefix + name` and `prefix + name.dlq` for each topic, with its partition count. */
export function provisionTestTopics(
  prefix: string,
  topics: readonly ProvisionedTopic[],
): Promise<ProvisionResult> {
  return provisionTopics(testKafkaBrokers(), { prefix, topics });
}
