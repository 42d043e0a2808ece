/**
 * npm run bench:throughput — how many events per second ONE instance of each service sustains, and where
 * it saturates, so KEDA's lagThreshold / maxReplicaCount and the partition counts in deploy/ come from
 * measurements (docs/benchmarks.md, "Throughput of one instance"). Each service runs as a real process
 * (apps/<service>/src/main.ts) on a database and topic prefix of its own (its consumer group is prefixed
 * too), against the Kafka and PostgreSQL of KAFKA_BROKERS / DATABASE_URL:
 *  - registry: POST /municipalities (transaction + outbox append, relay publishing meanwhile) from
 *    autocannon in its own process at rising concurrency; writes/s and p99 per level, the knee; then a
 *    backlog of association nominations (associations.inbound.v1) drained by its consumer;
 *  - matching: a backlog of registry.municipality.v1 drained by its consumer — EU municipalities
 *    (projection) and hromadas (projection + incremental proposals under an active campaign);
 *  - notifications: a backlog of matching.proposal.v1 (digest queueing for the contacts of both sides),
 *    after the directory (registry.municipality.v1) it needs.
 * A backlog drain is the consumer running flat out, i.e. its saturation rate; the process's CPU use during
 * the drain says whether the instance itself (≈ 1 core: one event loop) or something else is the bound.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_TOPICS } from '@bridges/contracts';
import { benchInfra, type BenchInfra } from '../support/bench-infra';
import { printTable, round } from '../support/stats';
import { benchMatching } from './matching';
import { benchNotifications } from './notifications';
import { benchRegistry } from './registry';
import { startService, type ServiceProcess } from './service-process';
import { log, ROUNDS, SERVICES, type SummaryRow } from './settings';

const LOG_DIR = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
const loadAverage = () =>
  loadavg()
    .map((l) => round(l, 1))
    .join(' ');

type ServiceBench = (svc: ServiceProcess, infra: BenchInfra) => Promise<SummaryRow[]>;

/** Each service, the environment its instance gets beyond the database and Kafka, and its bench. */
const BENCHES: readonly [string, Record<string, string>, ServiceBench][] = [
  ['registry', {}, benchRegistry],
  ['matching', { MATCHING_INSTANCE_ID: 'bench-throughput' }, benchMatching],
  // The dispatcher is off: this measures consumption (what the lag, and so KEDA, sees), not SMTP.
  ['notifications', { NOTIFICATIONS_DISPATCH_ENABLED: 'false' }, benchNotifications],
];

async function main(): Promise<void> {
  console.log(
    `host: ${cpus().length} cores, load average ${loadAverage()} at start; service logs in ${LOG_DIR}`,
  );
  const summary: SummaryRow[] = [];
  for (const [service, env, bench] of BENCHES)
    if (SERVICES.includes(service)) summary.push(...(await withService(service, env, bench)));
  console.log(
    `\nSummary, one instance each (medians of ${ROUNDS} rounds), load average ${loadAverage()} at end`,
  );
  printTable(summary.map((row) => ({ ...row })));
}

/** One instance of `service` on a database and topic prefix of its own, for the time of `bench`. */
async function withService(
  service: string,
  env: Record<string, string>,
  bench: ServiceBench,
): Promise<SummaryRow[]> {
  const infra = await benchInfra(`throughput_${service}`, ALL_TOPICS);
  try {
    log(`[${service}] starting one instance ...`);
    const svc = await startService(
      service,
      {
        ...env,
        DATABASE_URL: infra.databaseUrl,
        KAFKA_BROKERS: infra.brokers.join(','),
        KAFKA_TOPIC_PREFIX: infra.topicPrefix,
      },
      LOG_DIR,
    );
    try {
      return await bench(svc, infra);
    } finally {
      await svc.stop();
    }
  } finally {
    await infra.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
