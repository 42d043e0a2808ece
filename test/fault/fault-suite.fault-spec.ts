/**
 * The fault suite (issue 8): registry, matching and notifications as real processes on a Kafka broker
 * and a PostgreSQL server of their own (so the faults injected here never reach the infrastructure the
 * other test files share), one scenario after another. Each scenario drives flow 1 of the architecture
 * brief (hromadas registered → explained proposals → digest emails), injects its fault, waits until
 * every stage has finished (from offsets and outboxes, not timers), then counts distinct event ids on
 * the topics and rows in every database: nothing acknowledged is lost, nothing happens twice, nothing
 * is dead-lettered. The figures go to .local/fault-suite/report.{json,md}; docs/reliability.md quotes them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PartnershipEstablishedV1Event, type PartnershipEstablishedV1 } from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { waitForValue, waitUntil } from '@bridges/testing';
import { TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { startSmtpSink, type SmtpSink } from '../../tools/dev/smtp-sink';
import { BridgesSystem, type ServiceName } from './support/bridges-system';
import { auditChain, type ChainFigures } from './support/chain-audit';
import { FaultInfra } from './support/fault-infra';
import { FaultReport } from './support/fault-report';
import { probeCaughtUp, withAdmin } from './support/kafka-offsets';
import { BURST_OBLAST, euMunicipalityBody, hromadaBody } from './support/profiles';
import { waitForQuiescence } from './support/quiescence';
import { registerBurst, type BurstOptions, type BurstResult } from './support/registry-burst';
import { SystemDatabases } from './support/system-databases';

const WORK_DIR = join(__dirname, '..', '..', '.local', 'fault-suite');
/** Proposals per hromada in the burst campaign: few, so the audit stays quick. */
const TOP_K = 3;
const EU_POOL = 6;

const token = (role: Role, municipalityId?: string): Promise<string> =>
  signDevToken({ secret: DEV_JWT_SECRET, roles: [role], sub: `fault-suite-${role}`, municipalityId });

describe('fault suite: nothing lost, nothing doubled, no invariant broken', () => {
  const report = new FaultReport(WORK_DIR);
  const mailDir = join(WORK_DIR, 'mail');
  let infra: FaultInfra;
  let sink: SmtpSink;
  let system: BridgesSystem;
  let db: SystemDatabases;
  let registryCoordinator: string;
  let burstCampaignId: string;

  beforeAll(async () => {
    mkdirSync(join(WORK_DIR, 'logs'), { recursive: true });
    infra = await FaultInfra.start(join(WORK_DIR, 'infra'));
    sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, dir: mailDir });
    system = await BridgesSystem.start({
      kafkaBrokers: infra.kafkaBrokers,
      databaseUrl: infra.databaseUrl,
      smtpPort: sink.smtpPort,
      logDir: join(WORK_DIR, 'logs'),
    });
    db = new SystemDatabases(system);
    registryCoordinator = await token(Role.RegistryCoordinator);
    // A campaign of the suite's own: Polish municipalities for the burst hromadas, few proposals each.
    burstCampaignId = await createCampaign(system.url('matching'), {
      slug: 'fault-burst',
      name: 'Fault suite burst',
      euEligibility: {
        countries: ['PL'],
        populationMin: 0,
        populationMax: 10_000_000,
        excludeMetropolitan: false,
      },
      hromadaEligibility: { oblasts: [BURST_OBLAST] },
      topK: TOP_K,
    });
    const pool = Array.from({ length: EU_POOL }, () => euMunicipalityBody());
    const { acknowledged } = await registerBurst(system.url('registry'), registryCoordinator, pool);
    expect(acknowledged.size).toBe(EU_POOL);
    await waitUntil(
      async () =>
        (await db.count(
          'matching',
          `SELECT count(*) AS n FROM municipality_projection WHERE kind = 'eu-municipality'`,
        )) === EU_POOL,
      60_000,
      'the EU pool in matching',
    );
  }, 300_000);

  afterAll(async () => {
    const file = report.write();
    process.stderr.write(`[fault-suite] figures in ${file}\n`);
    await db?.close();
    await system?.stop();
    await sink?.stop();
    await infra?.stop();
  }, 120_000);

  /** Registers `hromadas` hromadas while `fault` runs, waits until the system is done, records and asserts. */
  async function runChainScenario(
    scenario: string,
    fault: string,
    hromadas: number,
    drive: (register: (options?: BurstOptions) => Promise<BurstResult>) => Promise<BurstResult>,
  ): Promise<ChainFigures> {
    const started = Date.now();
    const sent = Array.from({ length: hromadas }, () => hromadaBody());
    const burst = await drive((options) =>
      registerBurst(system.url('registry'), registryCoordinator, sent, options),
    );
    const { quiet } = await waitForQuiescence(infra.kafkaBrokers, db);
    const figures = await auditChain({
      brokers: infra.kafkaBrokers,
      db,
      mailDir,
      sent,
      burst,
      campaignId: burstCampaignId,
      topK: TOP_K,
    });
    report.add({ kind: 'chain', scenario, fault, durationMs: Date.now() - started, quiet, figures });

    expect(figures.acknowledged).toBe(figures.sent);
    expect({
      lost: figures.lost,
      duplicated: figures.duplicated,
      deadLettered: figures.deadLettered,
    }).toEqual({
      lost: zeros(figures.lost),
      duplicated: zeros(figures.duplicated),
      deadLettered: 0,
    });
    expect(figures.stored).toBe(hromadas);
    expect(figures.proposalsStored).toBe(hromadas * TOP_K);
    expect(quiet).toBe(true);
    return figures;
  }

  it('(d) a burst with no fault: every hromada stored, published, proposed and told once; nothing in any .dlq', async () => {
    await runChainScenario('burst, no fault', 'none: 60 hromadas registered 8 at a time', 60, (register) =>
      register({ concurrency: 8 }),
    );
  });

  it('(a) broker killed during writes: the registry keeps accepting into its outbox and publishes everything exactly once when the broker returns', async () => {
    let inOutboxDuringOutage = 0;
    const figures = await runChainScenario(
      'broker killed during writes',
      'Kafka SIGKILLed, 40 hromadas registered while it is down, broker restarted',
      40,
      async (register) => {
        await infra.killBroker();
        try {
          const burst = await register({ concurrency: 8 });
          inOutboxDuringOutage = await db.count('registry', 'SELECT count(*) AS n FROM outbox_message');
          return burst;
        } finally {
          await infra.restore();
        }
      },
    );
    // The writes were accepted while the broker was down: they waited in the outbox, not in the client.
    expect(figures.answers['201']).toBe(40);
    expect(inOutboxDuringOutage).toBeGreaterThanOrEqual(40);
  });

  it('(c) database stopped during writes: answers are 503 with Retry-After, nothing acknowledged is lost, nothing half-written', async () => {
    const figures = await runChainScenario(
      'database stopped during writes',
      'PostgreSQL fast shutdown after 10 of 40 registrations, back after 10 s; the client retries',
      40,
      async (register) => {
        let outage: Promise<void> | undefined;
        const burst = await register({
          concurrency: 4,
          onAcknowledged: (count) => {
            if (count !== 10) return;
            outage = (async () => {
              await infra.stopDatabase();
              await new Promise((resolve) => setTimeout(resolve, 10_000));
              await infra.restore();
            })();
          },
        });
        await outage;
        return burst;
      },
    );
    const failures = Object.entries(figures.answers).filter(
      ([status]) => status !== '201' && status !== '409',
    );
    expect(failures.length).toBeGreaterThan(0); // the outage was felt
    expect(failures.filter(([status]) => status !== '503')).toEqual([]);
    expect(figures.errorsWithoutRetryAfter).toBe(0);
  });

  it('(b) each service SIGKILLed mid-burst and restarted: nothing lost, nothing doubled', async () => {
    const killAt = new Map<number, ServiceName>([
      [15, 'registry'],
      [30, 'matching'],
      [45, 'notifications'],
    ]);
    await runChainScenario(
      'each service killed mid-burst',
      'registry, matching, notifications SIGKILLed after 15, 30 and 45 of 60 registrations, each restarted',
      60,
      async (register) => {
        const faults: Promise<void>[] = [];
        const burst = await register({
          concurrency: 4,
          onAcknowledged: (count) => {
            const victim = killAt.get(count);
            if (victim) faults.push(system.kill(victim).then(() => system.restart(victim)));
          },
        });
        await Promise.all(faults);
        return burst;
      },
    );
  });

  it('(e) concurrent acceptances against capacity: exactly capacity partnerships, contention answered 409, never 500', async () => {
    const started = Date.now();
    const CAPACITY = 2;
    const HROMADAS = 12;
    const oblast = 'Закарпатська область';
    // A campaign of its own: one Maltese municipality, hromadas of one oblast, so every hromada of this
    // scenario gets a proposal to it and nothing from the other scenarios competes.
    const campaignId = await createCampaign(system.url('matching'), {
      slug: 'fault-capacity',
      name: 'Fault suite capacity race',
      euEligibility: {
        countries: ['MT'],
        populationMin: 0,
        populationMax: 10_000_000,
        excludeMetropolitan: false,
      },
      hromadaEligibility: { oblasts: [oblast] },
      topK: 1,
    });

    const eu = euMunicipalityBody('MT', CAPACITY);
    expect((await registerBurst(system.url('registry'), registryCoordinator, [eu])).acknowledged.size).toBe(
      1,
    );
    const hromadas = Array.from({ length: HROMADAS }, () => hromadaBody(oblast));
    expect(
      (await registerBurst(system.url('registry'), registryCoordinator, hromadas)).acknowledged.size,
    ).toBe(HROMADAS);
    const euId = await waitForValue(
      async () =>
        (
          await db.rows<{ id: string }>('registry', 'SELECT id FROM municipality WHERE official_code = $1', [
            eu.officialCode,
          ])
        )[0]?.id,
      10_000,
      'the EU municipality id',
    );
    const proposals = await waitForValue(
      async () => {
        const rows = await db.rows<{ id: string; hromada_id: string }>(
          'matching',
          `SELECT id, hromada_id FROM proposal WHERE campaign_id = $1 AND eu_municipality_id = $2 AND status = 'open'`,
          [campaignId, euId],
        );
        return rows.length === HROMADAS ? rows : undefined;
      },
      90_000,
      `${HROMADAS} open proposals to the EU municipality`,
    );

    // Every hromada accepts first (one after another), then the EU side accepts all at once.
    const accept = async (proposalId: string, bearer: string) =>
      (
        await fetch(`${system.url('matching')}/proposals/${proposalId}/accept`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status;
    for (const p of proposals)
      expect(await accept(p.id, await token(Role.MunicipalityOfficer, p.hromada_id))).toBe(200);
    const euOfficer = await token(Role.MunicipalityOfficer, euId);
    const statuses = await Promise.all(proposals.map((p) => accept(p.id, euOfficer)));

    const answers: Record<string, number> = {};
    for (const status of statuses) answers[status] = (answers[status] ?? 0) + 1;
    const partnershipsStored = await db.count(
      'matching',
      `SELECT count(*) AS n FROM partnership WHERE eu_municipality_id = $1 AND status <> 'ended'`,
      [euId],
    );
    await waitUntil(
      async () => (await db.count('matching', 'SELECT count(*) AS n FROM outbox_message')) === 0,
      60_000,
      "matching's outbox published",
    );
    const established = await establishedEventIds(infra.kafkaBrokers, euId);
    report.add({
      kind: 'capacity',
      scenario: 'concurrent acceptances against capacity',
      fault: `${HROMADAS} simultaneous EU-side acceptances for one municipality with capacity ${CAPACITY}`,
      durationMs: Date.now() - started,
      capacity: CAPACITY,
      concurrentAcceptances: HROMADAS,
      answers,
      partnershipsStored,
      establishedEventsPublished: established.size,
    });

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(partnershipsStored).toBe(CAPACITY);
    expect(answers['200']).toBe(CAPACITY);
    expect(established.size).toBe(CAPACITY);
  });
});

async function createCampaign(matchingUrl: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${matchingUrl}/campaigns`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token(Role.MatchingCoordinator)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /campaigns answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

function zeros(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(figures).map((k) => [k, 0]));
}

/** Distinct `partnership.established` event ids for one EU municipality, read to the topic's end. */
async function establishedEventIds(brokers: string[], euMunicipalityId: string): Promise<Set<string>> {
  const topic = PartnershipEstablishedV1Event.topic;
  const probe = await TopicProbe.start(brokers, [topic]);
  try {
    await withAdmin(brokers, (admin) =>
      waitUntil(() => probeCaughtUp(admin, probe, [topic]), 60_000, 'partnership topic read'),
    );
    return new Set(
      probe
        .all()
        .filter(
          (r) =>
            r.headers.ce_type === PartnershipEstablishedV1Event.type &&
            (r.value as PartnershipEstablishedV1).euMunicipalityId === euMunicipalityId,
        )
        .map((r) => r.headers.ce_id),
    );
  } finally {
    await probe.stop();
  }
}
