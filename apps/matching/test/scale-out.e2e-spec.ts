import { Kafka, logLevel } from 'kafkajs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import {
  MatchProposedV1Event,
  Topics,
  type MatchProposedV1,
  type MunicipalityProfileV1,
} from '@bridges/contracts';
import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { insertDemoCampaign } from './support/demo-campaign';
import { provisionMatchingTopics } from './support/matching-topics';
import {
  spawnMatchingProcess,
  stopProcess,
  waitReady,
  type MatchingProcess,
} from './support/matching-process';
import { waitUntil } from '@bridges/testing';
import { matchingTestEnv } from './support/matching-test-app';
import { euProfile, hromadaProfile, registered } from './support/registry-events';

const INSTANCES = 3;
const EU_POOL = 50;
const HROMADAS = 1_000;
const TOP_K = 3;

/**
 * Three matching processes in one consumer group take a burst of 1,000 hromada registrations; one is
 * killed with SIGKILL half-way. Every hromada must get its proposals exactly once: no duplicate pair in
 * the database, and on the topic at most redeliveries of the same event, never a second proposal for a pair.
 */
describe('matching scale-out: three processes, one consumer group, one killed', () => {
  const prefix = uniqueTopicPrefix();
  const brokers = testKafkaBrokers();
  const logFile = path.join(os.tmpdir(), `matching-scale-out-${prefix.replace(/\W/g, '')}.log`);
  let db: TestDatabase;
  let sql: Client;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  const processes: MatchingProcess[] = [];

  const count = async (query: string, params: unknown[] = []): Promise<number> =>
    Number((await sql.query<{ n: string }>(query, params)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('matching_scale');
    await provisionMatchingTopics(prefix);
    const env = matchingTestEnv(db.url, prefix, {
      LOG_LEVEL: 'warn',
      MATCHING_ROUND_POLL_INTERVAL_MS: '1000',
    });
    for (let i = 1; i <= INSTANCES; i++)
      processes.push(await spawnMatchingProcess(`matching-${i}`, env, logFile));
    await Promise.all(processes.map((p) => waitReady(p)));
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // A small top-k keeps the burst's 3,000 proposals quick to check.
    await insertDemoCampaign(sql, { topK: TOP_K });
    probe = await TopicProbe.start(brokers, [`${prefix}${Topics.matching.proposal}`]);
    producer = await rawProducer(brokers);
    await waitForGroupMembers(brokers, `${prefix}bridges-matching`, INSTANCES);
  });

  afterAll(async () => {
    for (const p of processes) await stopProcess(p);
    await producer?.close();
    await probe?.stop();
    await sql?.end();
    await db?.drop();
  });

  it('should give every hromada its proposals exactly once when one of three processes is killed mid-burst', async () => {
    const topic = `${prefix}${Topics.registry.municipality}`;
    const eu: MunicipalityProfileV1[] = Array.from({ length: EU_POOL }, () =>
      euProfile({ partnershipCapacity: 5 }),
    );
    await producer.send({ topic, messages: eu.map(registered) });
    await waitUntil(
      async () =>
        (await count(`SELECT count(*) AS n FROM municipality_projection WHERE kind = 'eu-municipality'`)) ===
        EU_POOL,
      60_000,
      'EU pool projected',
    );

    const hromadas = Array.from({ length: HROMADAS }, () => hromadaProfile());
    for (let i = 0; i < HROMADAS; i += 100)
      await producer.send({ topic, messages: hromadas.slice(i, i + 100).map(registered) });

    // Kill one process (SIGKILL, by its pid) once the burst is well under way.
    await waitUntil(
      async () => (await count('SELECT count(DISTINCT hromada_id) AS n FROM proposal')) >= HROMADAS / 4,
      90_000,
      'a quarter handled',
    );
    const victim = processes[1];
    process.kill(victim.child.pid!, 'SIGKILL');
    await victim.exited;

    await waitUntil(
      async () =>
        (await count(`SELECT count(DISTINCT hromada_id) AS n FROM proposal WHERE status = 'open'`)) ===
        HROMADAS,
      120_000,
      'every hromada proposed',
    );

    // Database: exactly top-k open proposals per hromada, never two for one pair.
    const perHromada = await sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM proposal GROUP BY hromada_id`,
    );
    expect(perHromada.rows.map((r) => Number(r.n)).filter((n) => n !== TOP_K)).toEqual([]);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT 1 FROM proposal GROUP BY campaign_id, hromada_id, eu_municipality_id HAVING count(*) > 1) d`,
      ),
    ).toBe(0);

    // Topic: every stored proposal arrives; a redelivered event repeats its id, never a new proposal for a pair.
    await waitUntil(
      async () => (await count('SELECT count(*) AS n FROM outbox_message')) === 0,
      60_000,
      'outbox drained',
    );
    // Count distinct proposals, not records: redelivered records (at-least-once) must not stand in
    // for proposals that are still on their way to the probe.
    const distinctProposals = () =>
      new Set(
        probe
          .all()
          .filter((r) => r.headers.ce_type === MatchProposedV1Event.type)
          .map((r) => (r.value as MatchProposedV1).proposalId),
      ).size;
    await waitUntil(
      () => Promise.resolve(distinctProposals() >= HROMADAS * TOP_K),
      120_000,
      'every stored proposal on the topic',
    );
    const records = probe.all().filter((r) => r.headers.ce_type === MatchProposedV1Event.type);
    const proposalByEvent = new Map<string, string>();
    const proposalsByPair = new Map<string, Set<string>>();
    for (const r of records) {
      const p = r.value as MatchProposedV1;
      const seen = proposalByEvent.get(r.headers.ce_id);
      expect(seen === undefined || seen === p.proposalId).toBe(true);
      proposalByEvent.set(r.headers.ce_id, p.proposalId);
      const pair = `${p.hromadaId}|${p.euMunicipalityId}`;
      proposalsByPair.set(pair, (proposalsByPair.get(pair) ?? new Set()).add(p.proposalId));
    }
    expect([...proposalsByPair.values()].filter((ids) => ids.size > 1)).toEqual([]);
    expect(proposalsByPair.size).toBe(HROMADAS * TOP_K);
    const hromadaIds = new Set(hromadas.map((h) => h.municipalityId));
    expect(new Set(records.map((r) => (r.value as MatchProposedV1).hromadaId)).size).toBe(hromadaIds.size);
  });
});

/** Waits until the consumer group has `members` members, so the burst is shared from the start. */
async function waitForGroupMembers(brokers: string[], groupId: string, members: number): Promise<void> {
  const admin = new Kafka({ clientId: 'scale-out-test', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await waitUntil(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Stable' && groups[0].members.length === members;
      },
      90_000,
      `${members} members in ${groupId}`,
    );
  } finally {
    await admin.disconnect();
  }
}
