/**
 * npm start — the whole of Bridges on this machine with demo data:
 * real Kafka and PostgreSQL (tools/infra), an SMTP sink to read the emails, every service as its own
 * process, then the demo seed. Ctrl-C stops what this command started (infrastructure it found
 * already running is left running).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureLocalInfra, stopLocalInfra, type InfraService } from '../infra';
import { DEV_SERVICES, SMTP_SINK, type DevService } from './dev-services';

const ROOT = join(__dirname, '..', '..');
const LOG_DIR = join(ROOT, '.local', 'logs');
const say = (line: string) => process.stdout.write(`[bridges] ${line}\n`);

const children = new Map<string, ChildProcess>();
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

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const logFile = join(LOG_DIR, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  children.set(name, child);
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) say(`${name} exited (${code ?? signal}); see ${logFile}`);
  });
  return child;
}

async function waitForReady(service: DevService, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const url = `http://127.0.0.1:${service.port}/health/ready`;
  while (Date.now() < deadline) {
    if (!children.has(service.name))
      throw new Error(`${service.name} exited during startup: see ${join(LOG_DIR, `${service.name}.log`)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${service.name} was not ready at ${url} within ${timeoutMs / 1000} s: see ${join(LOG_DIR, `${service.name}.log`)}`,
  );
}

function runScriptIfPresent(script: string): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  if (!pkg.scripts[script]) return;
  say(`npm run ${script}`);
  const result = spawnSync('npm', ['run', '-s', script], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}

async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping services ...');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
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

  if (existsSync(join(ROOT, 'tools', 'dev', 'smtp-sink.ts'))) {
    startProcess(
      'smtp-sink',
      [
        'tools/dev/smtp-sink.ts',
        '--smtp-port',
        String(SMTP_SINK.smtpPort),
        '--http-port',
        String(SMTP_SINK.httpPort),
      ],
      {},
    );
  }
  for (const service of DEV_SERVICES) {
    if (!existsSync(join(ROOT, service.main))) {
      say(`${service.name}: ${service.main} does not exist yet, skipped`);
      continue;
    }
    const databaseUrl = await ensureDatabase(infra.databaseUrl, service.database);
    startProcess(service.name, [service.main], {
      ...common,
      ...service.env,
      HTTP_PORT: String(service.port),
      DATABASE_URL: databaseUrl,
    });
    await waitForReady(service);
    say(`${service.name} ready: http://127.0.0.1:${service.port}/docs`);
  }

  const seedEnv = { ...common };
  Object.assign(process.env, seedEnv);
  runScriptIfPresent('matching:seed');
  runScriptIfPresent('registry:seed');

  say('');
  say('Bridges is running. Consoles (Swagger UI, use "Authorize" with a token):');
  for (const service of DEV_SERVICES)
    say(`  ${service.name.padEnd(14)} http://127.0.0.1:${service.port}/docs`);
  say(`  mail sink      http://127.0.0.1:${SMTP_SINK.httpPort}  (every email the system sends)`);
  say(
    'Tokens:  npm run -s token -- --role registry:coordinator   (or matching:coordinator, notifications:admin,',
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
