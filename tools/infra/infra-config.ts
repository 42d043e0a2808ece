import * as path from 'node:path';

/** Repository root (tools/infra → ../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Downloads every local infrastructure shares (the Kafka jars), git-ignored. */
export const LOCAL_CACHE_DIR = path.join(REPO_ROOT, '.local');

/**
 * Everything one local infrastructure writes (state file, lock, broker and database data, logs):
 * `.local/` by default. `LOCAL_INFRA_DIR` (with other `LOCAL_*_PORT`s) runs a second, independent
 * instance beside it, e.g. the fault suite's, which kills its broker and database without touching the
 * one other tests use. Read once, at load: a process serves one instance.
 */
export const LOCAL_DIR = localInfraDir(process.env);

export function localInfraDir(env: NodeJS.ProcessEnv): string {
  const raw = env.LOCAL_INFRA_DIR;
  return raw === undefined || raw === '' ? LOCAL_CACHE_DIR : path.resolve(REPO_ROOT, raw);
}

export const INFRA_HOST = '127.0.0.1';

/** Kafka version pinned in tools/infra/kafka/pom.xml; used in messages and the state file. */
export const KAFKA_POM = path.join(__dirname, 'kafka', 'pom.xml');
export const KAFKA_LOG4J2 = path.join(__dirname, 'kafka', 'log4j2.properties');

export interface InfraSettings {
  kafkaPort: number;
  kafkaControllerPort: number;
  postgresPort: number;
  postgresUser: string;
  postgresPassword: string;
}

/**
 * Ports and credentials. Override the ports with LOCAL_KAFKA_PORT, LOCAL_KAFKA_CONTROLLER_PORT and
 * LOCAL_POSTGRES_PORT (e.g. when two checkouts run side by side).
 */
export function readInfraSettings(env: NodeJS.ProcessEnv = process.env): InfraSettings {
  return {
    kafkaPort: port(env, 'LOCAL_KAFKA_PORT', 19092),
    kafkaControllerPort: port(env, 'LOCAL_KAFKA_CONTROLLER_PORT', 19093),
    postgresPort: port(env, 'LOCAL_POSTGRES_PORT', 15432),
    postgresUser: 'bridges',
    postgresPassword: 'bridges',
  };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return value;
}
