/**
 * Jest global setup of the integration and e2e projects: real Kafka and PostgreSQL, once per run.
 *
 *   1. KAFKA_BROKERS and DATABASE_URL given        → use them, start nothing
 *   2. a Docker engine answers (within 5 s)        → PostgreSQL and Kafka containers (testcontainers)
 *   3. otherwise                                   → tools/infra: a local Kafka broker and PostgreSQL,
 *                                                    reused when `npm run infra:up` already runs them
 * TEST_INFRA=docker|local skips the detection. The chosen settings go to process.env, which the
 * test workers inherit. The registry's topics (libs/contracts) are provisioned; tests add their own
 * prefixed topics with provisionTestTopics().
 */
import { ensureLocalInfra, provisionTopics } from '../../../../tools/infra';
import { harnessState, setHarnessState, type HarnessState } from './harness-state';

const log = (line: string): void => {
  process.stderr.write(`[test-infra] ${line}\n`);
};

export default async function globalSetup(): Promise<void> {
  const existing = harnessState();
  if (existing) {
    existing.users += 1;
    return;
  }
  const state = await startInfra();
  setHarnessState(state);
  await provisionTopics(brokersFromEnv());
  log(`${state.source}: KAFKA_BROKERS=${process.env.KAFKA_BROKERS} DATABASE_URL=${process.env.DATABASE_URL}`);
}

async function startInfra(): Promise<HarnessState> {
  const base = { users: 1, startedLocal: [], containers: [] };
  const forced = process.env.TEST_INFRA;
  if (forced === undefined && process.env.KAFKA_BROKERS && process.env.DATABASE_URL) {
    return { ...base, source: 'env' };
  }
  if (forced === 'docker' || (forced !== 'local' && (await dockerEngineReachable()))) {
    return { ...base, source: 'docker', containers: await startContainers() };
  }
  const infra = await ensureLocalInfra({ provision: false, log });
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.DATABASE_URL = infra.databaseUrl;
  return { ...base, source: 'local', startedLocal: infra.started };
}

/** testcontainers' own runtime detection, bounded: with no engine it fails fast, but never wait long. */
async function dockerEngineReachable(timeoutMs = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    return await Promise.race([
      getContainerRuntimeClient().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function startContainers(): Promise<HarnessState['containers']> {
  const [{ PostgreSqlContainer }, { KafkaContainer }] = await Promise.all([
    import('@testcontainers/postgresql'),
    import('@testcontainers/kafka'),
  ]);
  log('Docker engine found: starting PostgreSQL and Kafka containers');
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:17-alpine')
      .withUsername('bridges')
      .withPassword('bridges')
      .withDatabase('postgres')
      .start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0')
      .withKraft()
      .withEnvironment({
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      })
      .start(),
  ]);
  process.env.DATABASE_URL = postgres.getConnectionUri();
  process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  return [kafka, postgres];
}

function brokersFromEnv(): string[] {
  return (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
}
