/**
 * npm start — the whole of Bridges on this machine with demo data:
 * real Kafka and PostgreSQL (tools/infra), an SMTP sink to read the emails, every service as its own
 * process, then the demo seed, then a wait until the services have worked off the seed's backlog.
 *
 * Ctrl-C, or SIGINT / SIGTERM to the `npm start` process (`kill -INT <pid>`), stops what this
 * command started: services, the mail sink, a script in progress, and infrastructure it started
 * (infrastructure it found already running is left running). The npm script `exec`s node, so npm's
 * forwarded signal reaches this process; if npm itself dies, this process notices and stops too.
 *
 * KAFKA_BROKERS and DATABASE_URL, when both set, name an existing Kafka and PostgreSQL to use
 * instead of tools/infra's. START_SERVICES, START_<SERVICE>_PORT, START_SMTP_PORT and START_MAIL_PORT
 * choose what runs where (tools/dev/dev-services.ts); START_CONSOLES_BUILD=skip serves the consoles
 * already in dist/consoles; LOCAL_INFRA_DIR moves the logs and the mail with the rest of .local/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import {
  ensureLocalInfra,
  kafkaJarsResolved,
  provisionTopics,
  stopLocalInfra,
  type InfraService,
} from '../infra';
import { LOCAL_DIR, REPO_ROOT } from '../infra/infra-config';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';
import { describeBehind, formatDuration } from './backlog-progress';
import { createBacklogReader } from './backlog-reader';
import { waitForBacklog } from './backlog-watch';
import { DEV_SERVICES, SMTP_SINK } from './dev-services';
import { whenParentDies } from './parent-watch';
import { seedDemoAid } from './seed-demo-aid';
import { DEMO_VOLUNTEER_ASSOCIATION_NAME, seedDemoVolunteers } from './seed-demo-volunteers';
import { seedDemoCampaign } from './seed-demo-campaign';
import { seedDemoEvents } from './seed-demo-events';
import {
  startNpmScript,
  startServiceProcess,
  succeeded,
  waitForHealthy,
  type ServiceProcess,
} from './service-process';

const LOG_DIR = join(LOCAL_DIR, 'logs');
const MAIL_DIR = join(LOCAL_DIR, 'mail');
/** The seed's backlog took about 3 minutes on a 2-core machine; past this, say what is behind. */
const BACKLOG_TIMEOUT_MS = 15 * 60_000;
const say = (line: string) => process.stdout.write(`[bridges] ${line}\n`);
/** `.local/logs` inside the checkout, the absolute path elsewhere. */
const shown = (path: string) => (path.startsWith(`${REPO_ROOT}/`) ? relative(REPO_ROOT, path) : path);

/** Everything started so far, newest last; stopped newest first. */
const started: ServiceProcess[] = [];
let infraStartedHere: InfraService[] = [];
let stopping = false;

/** Starts a child unless a stop is under way, so nothing starts after the stop has collected them. */
function track(start: () => ServiceProcess): ServiceProcess {
  if (stopping) throw new StopRequested();
  const child = start();
  started.push(child);
  return child;
}

class StopRequested extends Error {
  constructor() {
    super('stopping');
  }
}

/**
 * The demo seeds that wait for other services to catch up (bounded waits) may time out on a loaded
 * machine: the system is still whole without them, so say so and go on rather than stop everything.
 */
async function bestEffortSeed(name: string, seed: () => Promise<void>): Promise<void> {
  try {
    await seed();
  } catch (error) {
    if (error instanceof StopRequested || stopping) throw error;
    say(
      `demo ${name} skipped: ${error instanceof Error ? error.message : String(error)}. Bridges runs without it; ` +
        `the services' logs are in ${shown(LOG_DIR)}, and the next npm start tries it again (the seeds are idempotent).`,
    );
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runScript(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  say(`npm run ${script}`);
  await succeeded(track(() => startNpmScript({ script, env })));
}

/** An existing Kafka and PostgreSQL named by the environment, or tools/infra's (started if needed). */
async function infrastructure(): Promise<{ kafkaBrokers: string[]; databaseUrl: string }> {
  const { KAFKA_BROKERS, DATABASE_URL } = process.env;
  if (KAFKA_BROKERS && DATABASE_URL) {
    const kafkaBrokers = KAFKA_BROKERS.split(',').map((b) => b.trim());
    say(`using the Kafka (${kafkaBrokers.join(',')}) and PostgreSQL of KAFKA_BROKERS / DATABASE_URL`);
    await provisionTopics(kafkaBrokers);
    return { kafkaBrokers, databaseUrl: DATABASE_URL };
  }
  say(
    kafkaJarsResolved()
      ? 'starting Kafka and PostgreSQL ...'
      : 'starting Kafka and PostgreSQL (first run: downloading Kafka from Maven Central, about a minute) ...',
  );
  const infra = await ensureLocalInfra({ log: (line) => say(line) });
  infraStartedHere = infra.started;
  return infra;
}

async function stopAll(): Promise<void> {
  say('stopping services ...');
  await Promise.all(started.map((child) => child.stop()));
  if (infraStartedHere.length > 0) {
    say(`stopping infrastructure this command started (${infraStartedHere.join(', ')}) ...`);
    await stopLocalInfra(infraStartedHere, (line) => say(line));
  } else {
    say('infrastructure was not started by this command and stays up');
  }
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(reason);
  try {
    await stopAll();
  } finally {
    process.exit(exitCode);
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const infra = await infrastructure();
  const common: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };

  const sink = track(() =>
    startServiceProcess({
      name: 'smtp-sink',
      entry: 'tools/dev/smtp-sink.ts',
      args: [
        '--smtp-port',
        String(SMTP_SINK.smtpPort),
        '--http-port',
        String(SMTP_SINK.httpPort),
        '--dir',
        MAIL_DIR,
      ],
      env: {},
      logFile: join(LOG_DIR, 'smtp-sink.log'),
    }),
  );
  await waitForHealthy(sink, `http://127.0.0.1:${SMTP_SINK.httpPort}/messages.json`);
  say(`mail sink ready: http://127.0.0.1:${SMTP_SINK.httpPort}`);
  // Each service serves its console from dist/consoles/<service>: build what it will serve.
  if (process.env.START_CONSOLES_BUILD === 'skip') say('consoles: serving dist/consoles as built before');
  else await runScript('consoles:build', {});
  const serviceEnv = new Map<string, NodeJS.ProcessEnv>();
  for (const service of DEV_SERVICES) {
    const databaseUrl = await ensureDatabase(infra.databaseUrl, service.database);
    const env = { ...common, ...service.env, HTTP_PORT: String(service.port), DATABASE_URL: databaseUrl };
    serviceEnv.set(service.name, env);
    const child = track(() =>
      startServiceProcess({
        name: service.name,
        entry: service.main,
        env,
        logFile: join(LOG_DIR, `${service.name}.log`),
      }),
    );
    void child.exited.then(() => {
      if (!stopping) say(`${service.name} exited; see ${child.logFile}`);
    });
    await waitForHealthy(child, `http://127.0.0.1:${service.port}/health/ready`);
    say(`${service.name} ready: http://127.0.0.1:${service.port}/docs`);
  }

  // The demo data: matching's campaign first, so the registry seed's hromadas get proposals as they
  // arrive; notifications needs none.
  const matching = DEV_SERVICES.find((s) => s.name === 'matching');
  if (matching) {
    const outcome = await seedDemoCampaign(`http://127.0.0.1:${matching.port}`);
    say(`demo campaign "${CAMPAIGN_2021_PRESET.id}": ${outcome}`);
  }
  const events = DEV_SERVICES.find((s) => s.name === 'events');
  if (events) {
    const outcome = await seedDemoEvents(`http://127.0.0.1:${events.port}`);
    say(`demo events: forum ${outcome.forum}, summer school ${outcome.summerSchool}`);
  }
  const registryEnv = serviceEnv.get('registry');
  if (registryEnv) await runScript('registry:seed', registryEnv);
  const portOf = (name: string) => DEV_SERVICES.find((s) => s.name === name)?.port;
  const [registryPort, matchingPort, logisticsPort] = ['registry', 'matching', 'logistics'].map(portOf);
  // EU volunteers with stated offers, so proposals are told apart by sector fit (needs the registry seed).
  if (registryEnv && registryPort)
    await bestEffortSeed('volunteers', async () => {
      const outcome = await seedDemoVolunteers({ registry: `http://127.0.0.1:${registryPort}` });
      say(
        `demo volunteers: ${outcome.volunteered + outcome.alreadyVolunteered} EU municipalities volunteer through "${DEMO_VOLUNTEER_ASSOCIATION_NAME}" (${outcome.volunteered} new)`,
      );
    });
  // The aid case needs the registry's ids and waits for matching and logistics to project them.
  if (registryEnv && registryPort && matchingPort && logisticsPort)
    await bestEffortSeed('aid case', async () => {
      const url = (port: number) => `http://127.0.0.1:${port}`;
      const outcome = await seedDemoAid({
        registry: url(registryPort),
        matching: url(matchingPort),
        logistics: url(logisticsPort),
      });
      say(
        `demo aid (Šiauliai district → Dolyna): partnership ${outcome.partnership}, requests ${outcome.requests}`,
      );
    });

  say('');
  say('Consoles (sign in with a development role), and Swagger UI for the API:');
  for (const service of DEV_SERVICES) {
    // A service serves a console only when one was built for it.
    const hasConsole = existsSync(join(REPO_ROOT, 'dist', 'consoles', service.name, 'index.html'));
    const consoleUrl = hasConsole ? `http://127.0.0.1:${service.port}/console/` : '(no console yet)';
    say(`  ${service.name.padEnd(14)} ${consoleUrl.padEnd(33)} (API: http://127.0.0.1:${service.port}/docs)`);
  }
  say(
    `  mail sink      http://127.0.0.1:${SMTP_SINK.httpPort}  (every email the system sends; search and pages)`,
  );
  say(
    'Tokens:  npm run -s token -- --role registry:coordinator   (or matching:coordinator, events:coordinator, notifications:admin,',
  );
  say('         municipality:officer --municipality <id>)');
  say(`Logs:    ${shown(LOG_DIR)}`);
  say(`Stop:    Ctrl-C, or kill -INT ${process.pid} (or the npm start process)`);
  say('');

  // The seed leaves thousands of events in flight: the system answers now, but it is ready (a new
  // hromada's proposals within a second) only once every service has worked them off.
  say('waiting for the services to work off the demo backlog (consumer lag + outbox) ...');
  const reader = createBacklogReader({
    brokers: infra.kafkaBrokers,
    services: DEV_SERVICES.map((s) => ({ name: s.name, databaseUrl: serviceEnv.get(s.name)!.DATABASE_URL! })),
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX,
  });
  try {
    const result = await waitForBacklog({
      read: () => reader.read(),
      out: process.stdout,
      prefix: '[bridges] ',
      timeoutMs: BACKLOG_TIMEOUT_MS,
      cancelled: () => stopping,
    });
    if (result.outcome === 'cancelled') return;
    if (result.outcome === 'caught-up') {
      say(
        `Bridges is ready: every service has caught up (${formatDuration(Date.now() - startedAt)} after npm start).`,
      );
    } else {
      say(
        `Bridges is running, but after ${formatDuration(result.elapsedMs)} some services are still behind:`,
      );
      for (const line of describeBehind(result.last)) say(`  ${line}`);
      say(`They keep working; their logs are in ${shown(LOG_DIR)}/<service>.log`);
    }
  } finally {
    await reader.close().catch(() => undefined);
  }
}

process.on('SIGINT', () => void shutdown('SIGINT: stopping what npm start started', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM: stopping what npm start started', 0));
// npm waits for this process, so it outlives npm only when npm was killed outright: then stop too.
whenParentDies((parent) => void shutdown(`parent process ${parent} is gone`, 1));
main().catch((error: unknown) => {
  // A stop in progress makes the step under way fail (its process was stopped): not a failure.
  if (stopping) return;
  void shutdown(`start failed: ${error instanceof Error ? error.message : String(error)}`, 1);
});
