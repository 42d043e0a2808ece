import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { freePort } from '@bridges/testing';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** A matching instance running as a real, separate Node process (`apps/matching/src/main.ts`). */
export interface MatchingProcess {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** Spawns `node -r @swc-node/register apps/matching/src/main.ts` with `env`; output goes to `logFile`. */
export async function spawnMatchingProcess(
  name: string,
  env: Record<string, string>,
  logFile: string,
): Promise<MatchingProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/matching/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      HTTP_PORT: String(port),
      MATCHING_INSTANCE_ID: name,
      KAFKA_CLIENT_ID: `bridges-matching-${name}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, child, exited };
}

/** Resolves once the process answers /health/ready, rejects if it exits first. */
export async function waitReady(p: MatchingProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void p.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`matching process ${p.name} exited during startup`);
    try {
      const res = await fetch(`http://127.0.0.1:${p.port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`matching process ${p.name} not ready within ${timeoutMs} ms`);
}

/** Stops a process by its pid: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(p: MatchingProcess, graceMs = 10_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  process.kill(p.child.pid!, 'SIGTERM');
  const timer = setTimeout(
    () => p.child.pid && p.child.exitCode === null && process.kill(p.child.pid, 'SIGKILL'),
    graceMs,
  );
  await p.exited;
  clearTimeout(timer);
}
