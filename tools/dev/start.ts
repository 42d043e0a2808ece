/**
 * npm start — the whole of Bridges on this machine with demo data:
 * real Kafka and PostgreSQL (tools/infra), an SMTP sink to read the emails, every service as its own
 * process, then the demo seed. Ctrl-C stops what this command started (infrastructure it found
 * already running is left running).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureLocalInfra, stopLocalInfra, type InfraService } from '../infra';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';
import { DEV_SERVICES, SMTP_SINK } from './dev-services';
import { seedDemoAid } from './seed-demo-aid';
import { seedDemoCampaign } from './seed-demo-campaign';
import { seedDemoEvents } from './seed-demo-events';
import { startServiceProcess, waitForHealthy, type ServiceProcess } from './service-process';

const ROOT = join(__dirname, '..', '..');
const LOG_DIR = join(ROOT, '.local', 'logs');
const say = (line: string) => process.stdout.write(`[bridges] ${line}\n`);

const children: ServiceProcess[] = [];
let infraStartedHere: InfraService[] = [];
let stopping = false;

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

function runScript(script: string, env: NodeJS.ProcessEnv): void {
  say(`npm run ${script}`);
  const result = spawnSync('npm', ['run', '-s', script], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}

async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping services ...');
  await Promise.all(children.map((child) => child.stop()));
  if (infraStartedHere.length > 0) {
    say(`stopping infrastructure this command started (${infraStartedHere.join(', ')}) ...`);
    await stopLocalInfra(infraStartedHere, (line) => say(line));
  } else {
    say('infrastructure was already running and stays up (npm run infra:down stops it)');
  }
}

async function main(): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  say('starting Kafka and PostgreSQL (first run downloads Kafka from Maven Central) ...');
  const infra = await ensureLocalInfra({ log: (line) => say(line) });
  infraStartedHere = infra.started;
  const common: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };

  children.push(
    startServiceProcess({
      name: 'smtp-sink',
      entry: 'tools/dev/smtp-sink.ts',
      args: ['--smtp-port', String(SMTP_SINK.smtpPort), '--http-port', String(SMTP_SINK.httpPort)],
      env: {},
      logFile: join(LOG_DIR, 'smtp-sink.log'),
    }),
  );
  // Each service serves its console from dist/consoles/<service>: build what it will serve.
  runScript('consoles:build', {});
  const serviceEnv = new Map<string, NodeJS.ProcessEnv>();
  for (const service of DEV_SERVICES) {
    const databaseUrl = await ensureDatabase(infra.databaseUrl, service.database);
    const env = { ...common, ...service.env, HTTP_PORT: String(service.port), DATABASE_URL: databaseUrl };
    serviceEnv.set(service.name, env);
    const child = startServiceProcess({
      name: service.name,
      entry: service.main,
      env,
      logFile: join(LOG_DIR, `${service.name}.log`),
    });
    children.push(child);
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
  if (registryEnv) runScript('registry:seed', registryEnv);
  // The aid case needs the registry's ids and waits for matching and logistics to project them.
  const portOf = (name: string) => DEV_SERVICES.find((s) => s.name === name)?.port;
  const [registryPort, matchingPort, logisticsPort] = ['registry', 'matching', 'logistics'].map(portOf);
  if (registryEnv && registryPort && matchingPort && logisticsPort) {
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const outcome = await seedDemoAid({
      registry: url(registryPort),
      matching: url(matchingPort),
      logistics: url(logisticsPort),
    });
    say(
      `demo aid (Šiauliai district → Dolyna): partnership ${outcome.partnership}, requests ${outcome.requests}`,
    );
  }

  say('');
  say('Bridges is running. Consoles (sign in with a development role), and Swagger UI for the API:');
  for (const service of DEV_SERVICES)
    say(
      `  ${service.name.padEnd(14)} http://127.0.0.1:${service.port}/console/   (API: http://127.0.0.1:${service.port}/docs)`,
    );
  say(`  mail sink      http://127.0.0.1:${SMTP_SINK.httpPort}  (every email the system sends)`);
  say(
    'Tokens:  npm run -s token -- --role registry:coordinator   (or matching:coordinator, events:coordinator, notifications:admin,',
  );
  say('         municipality:officer --municipality <id>)');
  say(`Logs:    ${LOG_DIR}`);
  say('Stop:    Ctrl-C');
}

process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
main().catch(async (error: unknown) => {
  say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
