/**
 * The programmatic face of tools/infra, used by the CLI, the test harness's global setup and `npm start`.
 */
import { readInfraSettings, type InfraSettings } from './infra-config';
import { readState, updateState, withInfraLock, type InfraState } from './infra-state';
import { isKafkaStateLive, startKafka, stopKafka } from './local-kafka';
import { isPostgresStateLive, startPostgres, stopPostgres } from './local-postgres';
import { provisionTopics, type ProvisionResult } from './provision-topics';

export type InfraService = 'kafka' | 'postgres';

export interface LocalInfra {
  kafkaBrokers: string[];
  databaseUrl: string;
  /** True when this call started at least one of the two. */
  startedHere: boolean;
  /** The services this call started (and that its caller may therefore stop). */
  started: InfraService[];
  topics: ProvisionResult;
}

export interface EnsureOptions {
  settings?: InfraSettings;
  /** Create the registry's topics (default true). */
  provision?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts Kafka and PostgreSQL unless the ones recorded in .local/infra.json still run (pid alive and
 * port answering), provisions the registry's topics, and returns the connection settings.
 */
export async function ensureLocalInfra(options: EnsureOptions = {}): Promise<LocalInfra> {
  const settings = options.settings ?? readInfraSettings();
  const log = options.log ?? (() => undefined);
  return withInfraLock(async () => {
    const state = readState();
    const started: InfraService[] = [];
    if (!(await isKafkaStateLive(state.kafka))) {
      updateState((s) => delete s.kafka);
      const kafka = await startKafka({
        port: settings.kafkaPort,
        controllerPort: settings.kafkaControllerPort,
        log,
      });
      updateState((s) => (s.kafka = kafka));
      started.push('kafka');
    } else {
      log(`reusing Kafka (pid ${state.kafka!.pid}) on ${state.kafka!.brokers.join(',')}`);
    }
    if (!(await isPostgresStateLive(state.postgres))) {
      updateState((s) => delete s.postgres);
      try {
        const postgres = await startPostgres({
          port: settings.postgresPort,
          user: settings.postgresUser,
          password: settings.postgresPassword,
          log,
        });
        updateState((s) => (s.postgres = postgres));
        started.push('postgres');
      } catch (error) {
        // Leave nothing half-started behind.
        if (started.includes('kafka')) await stopLocalInfraUnlocked(['kafka']);
        throw error;
      }
    } else {
      log(`reusing PostgreSQL (pid ${state.postgres!.pid}) on port ${state.postgres!.port}`);
    }
    const current = readState();
    const kafkaBrokers = current.kafka!.brokers;
    const topics =
      options.provision === false ? { created: [], existing: [] } : await provisionTopics(kafkaBrokers);
    return {
      kafkaBrokers,
      databaseUrl: current.postgres!.databaseUrl,
      startedHere: started.length > 0,
      started,
      topics,
    };
  });
}

/** Stops what `ensureLocalInfra` recorded (by pid only) and clears it from the state file. */
export async function stopLocalInfra(
  services: InfraService[] = ['kafka', 'postgres'],
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await withInfraLock(() => stopLocalInfraUnlocked(services, log));
}

async function stopLocalInfraUnlocked(
  services: InfraService[],
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const state = readState();
  if (services.includes('kafka') && state.kafka) {
    log(`stopping Kafka (pid ${state.kafka.pid}): ${await stopKafka(state.kafka)}`);
    updateState((s) => delete s.kafka);
  }
  if (services.includes('postgres') && state.postgres) {
    log(`stopping PostgreSQL (pid ${state.postgres.pid}): ${await stopPostgres(state.postgres)}`);
    updateState((s) => delete s.postgres);
  }
}

export interface InfraStatus {
  state: InfraState;
  kafka: boolean;
  postgres: boolean;
}

export async function localInfraStatus(): Promise<InfraStatus> {
  const state = readState();
  return {
    state,
    kafka: await isKafkaStateLive(state.kafka),
    postgres: await isPostgresStateLive(state.postgres),
  };
}
