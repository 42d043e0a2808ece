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
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  ALL_TOPICS,
  HromadaNominatedV1Event,
  MatchProposedV1Event,
  Topics,
  type MatchProposedV1,
  type MunicipalityProfileV1,
} from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { insertDemoCampaign } from '../../apps/matching/test/support/demo-campaign';
import { euProfile, hromadaProfile } from '../../apps/matching/test/support/registry-events';
import { eventRecord, registered } from '../../apps/notifications/test/support/registry-records';
import { benchInfra, type BenchInfra } from '../support/bench-infra';
import { startLoadGenerator } from '../support/load-generator';
import { median, printTable, round } from '../support/stats';
import { ConsumerGroupWatch } from './consumer-group';
import { startService, type ServiceProcess } from './service-process';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,2,4,8,16,32').split(',').map(Number);
const EU_EVENTS = Number(process.env.BENCH_EU_EVENTS ?? 1500);
const HROMADA_EVENTS = Number(process.env.BENCH_HROMADA_EVENTS ?? 100);
const NOMINATION_EVENTS = Number(process.env.BENCH_NOMINATION_EVENTS ?? 600);
const DIRECTORY_EVENTS = Number(process.env.BENCH_DIRECTORY_EVENTS ?? 600);
const PROPOSAL_EVENTS = Number(process.env.BENCH_PROPOSAL_EVENTS ?? 1500);
const DRAIN_TIMEOUT_MS = 15 * 60_000;
const SERVICES = (process.env.BENCH_SERVICES ?? 'registry,matching,notifications').split(',');

const LOG_DIR = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const loadAverage = () =>
  loadavg()
    .map((l) => round(l, 1))
    .join(' ');

interface Drain {
  readonly eventsPerSecond: number;
  /** CPU seconds of the service process per wall second during the drain. */
  readonly cores: number;
}

interface SummaryRow {
  readonly service: string;
  readonly work: string;
  readonly sustained: string;
  readonly bound: string;
}
const summary: SummaryRow[] = [];

async function main(): Promise<void> {
  console.log(
    `host: ${cpus().length} cores, load average ${loadAverage()} at start; service logs in ${LOG_DIR}`,
  );
  if (SERVICES.includes('registry')) await withService('registry', {}, benchRegistryWrites);
  if (SERVICES.includes('matching'))
    await withService('matching', { MATCHING_INSTANCE_ID: 'bench-throughput' }, benchMatching);
  if (SERVICES.includes('notifications'))
    // The dispatcher is off: this measures consumption (what the lag, and so KEDA, sees), not SMTP.
    await withService('notifications', { NOTIFICATIONS_DISPATCH_ENABLED: 'false' }, benchNotifications);
  console.log(
    `\nSummary, one instance each (medians of ${ROUNDS} rounds), load average ${loadAverage()} at end`,
  );
  printTable(summary.map((row) => ({ ...row })));
}

async function withService(
  service: string,
  env: Record<string, string>,
  bench: (svc: ServiceProcess, infra: BenchInfra) => Promise<void>,
): Promise<void> {
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
      await bench(svc, infra);
    } finally {
      await svc.stop();
    }
  } finally {
    await infra.close();
  }
}

// --- registry: HTTP writes, each one event through the outbox -----------------------------------------

async function benchRegistryWrites(svc: ServiceProcess, infra: BenchInfra): Promise<void> {
  const token = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.RegistryCoordinator] });
  const body = JSON.stringify({
    country: 'UA',
    officialCode: 'UA9{{n}}',
    nameNative: 'Бенчмаркова сільська громада',
    region: { code: 'UA05000000000010236', name: 'Вінницька область' },
    settlementType: 'rural',
    population: 10_000,
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply' }],
    contacts: [{ name: 'Bench', email: 'bench@example.org', preferredLanguage: 'uk' }],
  });
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const generator = await startLoadGenerator();
  // Official codes 'UA9' + 16 digits, unique over the whole run: each round takes a fresh block
  // (the counter stays below 2^53, where every integer is exact).
  let block = 10 ** 15;
  const writes = async (connections: number, seconds: number) =>
    generator.run({
      url: `${svc.url}/municipalities`,
      post: { body, uniqueFrom: (block += 10 ** 9) },
      seconds,
      connections,
      headers: { authorization: `Bearer ${token}` },
    });
  const backlog = async () =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox_message')).rows[0].n);
  try {
    log(`[registry] warm-up, then ${ROUNDS} rounds over concurrency ${CONCURRENCY.join(', ')} ...`);
    await writes(4, 3);
    const perLevel = new Map<number, { rate: number[]; p99: number[]; cores: number[]; backlog: number[] }>(
      CONCURRENCY.map((c) => [c, { rate: [], p99: [], cores: [], backlog: [] }]),
    );
    // Rounds outside, levels inside: the machine's drift spreads over every level alike.
    for (let r = 0; r < ROUNDS; r++) {
      for (const connections of CONCURRENCY) {
        const cpu = await svc.cpuSeconds();
        const result = await writes(connections, ROUND_SECONDS);
        const level = perLevel.get(connections)!;
        level.rate.push(result.requestsPerSecond);
        level.p99.push(result.latencyP99Ms);
        level.cores.push(((await svc.cpuSeconds()) - cpu) / ROUND_SECONDS);
        level.backlog.push(await backlog());
      }
    }
    const drainStarted = performance.now();
    while ((await backlog()) > 0) await new Promise((r) => setTimeout(r, 50));
    const relayTail = (performance.now() - drainStarted) / 1000;
    console.log(
      `\nregistry — POST /municipalities (one event each), autocannon in its own process, ${ROUND_SECONDS} s per level, medians of ${ROUNDS} rounds`,
    );
    const rows = CONCURRENCY.map((c) => {
      const level = perLevel.get(c)!;
      return {
        connections: c,
        'writes/s': Math.round(median(level.rate)),
        rounds: level.rate.map(Math.round).join(' '),
        'p99 ms': Math.round(median(level.p99)),
        'service cores': round(median(level.cores), 2),
        'outbox left': Math.round(median(level.backlog)),
      };
    });
    printTable(rows);
    const knee = kneeOf(rows.map((row) => ({ at: row.connections, rate: row['writes/s'] })));
    console.log(
      `saturates at ${knee.at} connections: ${knee.rate} writes/s (the lowest level within 10 % of the peak); ` +
        `the relay's tail after the last round: ${round(relayTail)} s`,
    );
    summary.push({
      service: 'registry',
      work: 'POST /municipalities → outbox → registry.municipality.v1',
      sustained: `${knee.rate} writes/s (events/s)`,
      bound: `saturates at ${knee.at} connections, service ${round(median(perLevel.get(knee.at)!.cores), 2)} cores`,
    });
    await benchRegistryIngest(svc, infra, db, token);
  } finally {
    generator.close();
    await db.end();
  }
}

/**
 * registry as a consumer: association nominations on associations.inbound.v1 (each one a profile
 * change with its outbox event), for hromadas the writes above created — different ones every round,
 * since a nomination applied twice changes nothing the second time.
 */
async function benchRegistryIngest(svc: ServiceProcess, infra: BenchInfra, db: Client, token: string) {
  const topic = `${infra.topicPrefix}${Topics.associations.inbound}`;
  const watch = await ConsumerGroupWatch.connect(infra.brokers, `${infra.topicPrefix}bridges-registry`);
  try {
    const created = await fetch(`${svc.url}/associations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench association of hromadas', country: 'UA' }),
    });
    if (created.status !== 201) throw new Error(`POST /associations answered ${created.status}`);
    const associationId = ((await created.json()) as { id: string }).id;
    const codes = (
      await db.query<{ code: string }>(
        "SELECT official_code AS code FROM municipality WHERE country = 'UA' ORDER BY official_code",
      )
    ).rows.map((r) => r.code);
    const perRound = Math.min(NOMINATION_EVENTS, Math.floor(codes.length / (ROUNDS + 1)));
    await watch.waitStable();
    log(`[registry] ${ROUNDS} rounds of ${perRound} association nominations ...`);
    let next = 0;
    const nominations = await rounds('nominations', () =>
      drain(
        svc,
        watch,
        infra.brokers,
        topic,
        codes.slice(next, (next += perRound)).map((officialCode) =>
          eventRecord(HromadaNominatedV1Event, {
            associationId,
            officialCode,
            needs: [{ sector: 'water-supply' }, { sector: 'education' }],
          }),
        ),
      ),
    );
    console.log(
      `\nregistry — consumer of associations.inbound.v1, backlog drained, medians of ${ROUNDS} rounds`,
    );
    printTable([drainRow('hromadas nominated (profile change + outbox event)', perRound, nominations)]);
    summary.push({
      service: 'registry',
      work: 'associations.inbound.v1 (nominations)',
      sustained: `${Math.round(median(nominations.map((d) => d.eventsPerSecond)))} events/s`,
      bound: `service ${round(median(nominations.map((d) => d.cores)), 2)} cores`,
    });
  } finally {
    await watch.close();
  }
}

/**
 * Where the instance saturates: the lowest level reaching 90 % of the highest median throughput; more
 * concurrency beyond it only queues (latency grows, throughput does not). Measured against the peak,
 * not step by step, so one noisy level on a shared machine cannot end the climb early.
 */
function kneeOf(levels: { at: number; rate: number }[]): { at: number; rate: number } {
  const peak = Math.max(...levels.map((level) => level.rate));
  return levels.find((level) => level.rate >= 0.9 * peak)!;
}

// --- consumers: drain a backlog --------------------------------------------------------------------------

type Sendable = { key: string; value: string; headers: Record<string, string> };

/** Produces `records` as a backlog and times the group until it has committed all of them. */
async function drain(
  svc: ServiceProcess,
  watch: ConsumerGroupWatch,
  brokers: string[],
  topic: string,
  records: readonly Sendable[],
): Promise<Drain> {
  const producer = await rawProducer(brokers);
  try {
    const cpu = await svc.cpuSeconds();
    const started = performance.now();
    for (let i = 0; i < records.length; i += 500)
      await producer.send({
        topic,
        messages: records.slice(i, i + 500).map(({ key, value, headers }) => ({ key, value, headers })),
      });
    await watch.waitDrained(topic, DRAIN_TIMEOUT_MS);
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: records.length / seconds, cores: ((await svc.cpuSeconds()) - cpu) / seconds };
  } finally {
    await producer.close();
  }
}

/** One warm-up round (JIT, connection pools, caches; not counted), then ROUNDS measured ones. */
async function rounds(what: string, run: () => Promise<Drain>): Promise<Drain[]> {
  log(`  ${what} warm-up: ${Math.round((await run()).eventsPerSecond)} events/s (not counted)`);
  const drains: Drain[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    drains.push(await run());
    log(`  ${what} round ${r + 1}/${ROUNDS}: ${Math.round(drains.at(-1)!.eventsPerSecond)} events/s`);
  }
  return drains;
}

function drainRow(what: string, events: number, drains: readonly Drain[]) {
  return {
    backlog: what,
    'events per round': events,
    'events/s': Math.round(median(drains.map((d) => d.eventsPerSecond))),
    rounds: drains.map((d) => Math.round(d.eventsPerSecond)).join(' '),
    'service cores': round(median(drains.map((d) => d.cores)), 2),
  };
}

// --- matching: registry.municipality.v1 -------------------------------------------------------------------

async function benchMatching(svc: ServiceProcess, infra: BenchInfra): Promise<void> {
  const topic = `${infra.topicPrefix}${Topics.registry.municipality}`;
  const watch = await ConsumerGroupWatch.connect(infra.brokers, `${infra.topicPrefix}bridges-matching`);
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  try {
    await watch.waitStable();
    // An active campaign from the start, as in production: hromadas get incremental proposals.
    await insertDemoCampaign(db);
    log(
      `[matching] ${ROUNDS} rounds of ${EU_EVENTS} EU registrations, then of ${HROMADA_EVENTS} hromadas ...`,
    );
    const eu = await rounds('EU registrations', () =>
      drain(
        svc,
        watch,
        infra.brokers,
        topic,
        Array.from({ length: EU_EVENTS }, () => registered(euProfile())),
      ),
    );
    const pool = EU_EVENTS * (ROUNDS + 1);
    const hromadas = await rounds('hromada registrations', () =>
      drain(
        svc,
        watch,
        infra.brokers,
        topic,
        Array.from({ length: HROMADA_EVENTS }, () => registered(hromadaProfile())),
      ),
    );
    const proposals = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM proposal')).rows[0].n);
    console.log(
      `\nmatching — consumer of registry.municipality.v1, backlog drained, medians of ${ROUNDS} rounds`,
    );
    printTable([
      drainRow('EU municipalities registered (projection)', EU_EVENTS, eu),
      drainRow(`hromadas registered (projection + proposals against ${pool} EU)`, HROMADA_EVENTS, hromadas),
    ]);
    console.log(`${proposals} proposals written for ${HROMADA_EVENTS * (ROUNDS + 1)} hromadas`);
    const rate = (drains: readonly Drain[]) => Math.round(median(drains.map((d) => d.eventsPerSecond)));
    summary.push({
      service: 'matching',
      work: 'registry.municipality.v1, hromada (proposals)',
      sustained: `${rate(hromadas)} events/s`,
      bound: `service ${round(median(hromadas.map((d) => d.cores)), 2)} cores; pool ${pool} EU`,
    });
    summary.push({
      service: 'matching',
      work: 'registry.municipality.v1, EU (projection)',
      sustained: `${rate(eu)} events/s`,
      bound: `service ${round(median(eu.map((d) => d.cores)), 2)} cores`,
    });
  } finally {
    await db.end();
    await watch.close();
  }
}

// --- notifications: matching.proposal.v1 ------------------------------------------------------------------

const withContact = (p: MunicipalityProfileV1): MunicipalityProfileV1 => ({
  ...p,
  contacts: [
    {
      contactId: randomUUID(),
      name: 'Bench contact',
      email: `contact-${p.municipalityId}@bench.test`,
      preferredLanguage: 'en',
    },
  ],
});

function proposalRecord(hromadaId: string, euMunicipalityId: string, campaignId: string) {
  const payload: MatchProposedV1 = {
    proposalId: randomUUID(),
    campaignId,
    hromadaId,
    euMunicipalityId,
    score: 0.8,
    rank: 1,
    mode: 'incremental',
    factors: [
      { factor: 'sector-fit', score: 0.9, weight: 0.4, explanation: 'water-supply need meets offer' },
    ],
  };
  return eventRecord(MatchProposedV1Event, payload);
}

async function benchNotifications(svc: ServiceProcess, infra: BenchInfra): Promise<void> {
  const directoryTopic = `${infra.topicPrefix}${Topics.registry.municipality}`;
  const proposalTopic = `${infra.topicPrefix}${Topics.matching.proposal}`;
  const watch = await ConsumerGroupWatch.connect(infra.brokers, `${infra.topicPrefix}bridges-notifications`);
  try {
    await watch.waitStable();
    const campaignId = randomUUID();
    log(
      `[notifications] ${ROUNDS} rounds: ${DIRECTORY_EVENTS} profiles, then ${PROPOSAL_EVENTS} proposals ...`,
    );
    const directory: Drain[] = [];
    const proposals: Drain[] = [];
    // Round 0 warms up (JIT, connection pools, caches) and is not counted.
    for (let r = 0; r <= ROUNDS; r++) {
      // The directory first (a proposal naming an unknown municipality would wait, parked).
      const hromadas = Array.from({ length: DIRECTORY_EVENTS / 2 }, () => withContact(hromadaProfile()));
      const eus = Array.from({ length: DIRECTORY_EVENTS / 2 }, () => withContact(euProfile()));
      const profiles = await drain(
        svc,
        watch,
        infra.brokers,
        directoryTopic,
        [...hromadas, ...eus].map(registered),
      );
      const records = Array.from({ length: PROPOSAL_EVENTS }, () =>
        proposalRecord(
          hromadas[randomInt(hromadas.length)].municipalityId,
          eus[randomInt(eus.length)].municipalityId,
          campaignId,
        ),
      );
      const proposed = await drain(svc, watch, infra.brokers, proposalTopic, records);
      log(
        `  ${r === 0 ? 'warm-up (not counted)' : `round ${r}/${ROUNDS}`}: directory ${Math.round(profiles.eventsPerSecond)}, proposals ${Math.round(proposed.eventsPerSecond)} events/s`,
      );
      if (r === 0) continue;
      directory.push(profiles);
      proposals.push(proposed);
    }
    console.log(`\nnotifications — consumer, backlog drained (dispatcher off), medians of ${ROUNDS} rounds`);
    printTable([
      drainRow('registry.municipality.v1 (directory, 1 contact each)', DIRECTORY_EVENTS, directory),
      drainRow('matching.proposal.v1 (digest entries for both sides)', PROPOSAL_EVENTS, proposals),
    ]);
    summary.push({
      service: 'notifications',
      work: 'matching.proposal.v1 (digest queueing)',
      sustained: `${Math.round(median(proposals.map((d) => d.eventsPerSecond)))} events/s`,
      bound: `service ${round(median(proposals.map((d) => d.cores)), 2)} cores`,
    });
    summary.push({
      service: 'notifications',
      work: 'registry.municipality.v1 (directory)',
      sustained: `${Math.round(median(directory.map((d) => d.eventsPerSecond)))} events/s`,
      bound: `service ${round(median(directory.map((d) => d.cores)), 2)} cores`,
    });
  } finally {
    await watch.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
