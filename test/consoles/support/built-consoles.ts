import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const LOCK = join(ROOT, '.local', 'consoles-build.lock');
const STAMP = '.source-hash';
const LOCK_WAIT_MS = 10 * 60_000;

/** What a console's build depends on besides its own folder. */
const SHARED_SOURCES = [
  'libs/console-kit/src',
  'libs/contracts/src/vocabulary',
  'tools/consoles',
  'package-lock.json',
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** A hash of every file the service's console is built from (paths and contents). */
function sourceHash(service: string): string {
  const hash = createHash('sha256');
  const files = [join('apps', service, 'console'), ...SHARED_SOURCES]
    .flatMap((p) => filesUnder(join(ROOT, p)))
    .sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** mkdir is atomic: one test process at a time builds; a lock left by a dead process is taken over. */
async function withBuildLock<T>(work: () => T): Promise<T> {
  mkdirSync(join(ROOT, '.local'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      const holder = Number(existsSync(join(LOCK, 'pid')) ? readFileSync(join(LOCK, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(holder) && !pidAlive(holder)) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`waited ${LOCK_WAIT_MS} ms for ${LOCK}; remove it if stale`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the consoles the services will serve (dist/consoles/<service>), unless the build there was made
 * from the same sources. Console tests run in parallel jest workers and each service serves its folder
 * while its test runs: a rebuild empties the folder first, so rebuilding what another test is serving
 * would pull the page from under it. Builds happen one at a time (a lock) and only when a source changed.
 */
export async function ensureConsolesBuilt(services: readonly string[]): Promise<void> {
  await withBuildLock(() => {
    const stale = services
      .map((service) => ({ service, hash: sourceHash(service) }))
      .filter(({ service, hash }) => {
        const stamp = join(ROOT, 'dist', 'consoles', service, STAMP);
        return !existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash;
      });
    if (stale.length === 0) return;
    const build = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/consoles/build.ts', ...stale.map((s) => s.service)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`consoles:build failed:\n${build.stdout}\n${build.stderr}`);
    process.stdout.write(build.stdout);
    for (const { service, hash } of stale)
      writeFileSync(join(ROOT, 'dist', 'consoles', service, STAMP), hash);
  });
}
