import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves when the process has exited (for whatever reason). */
  readonly exited: Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; only this process (or, for a script, its process group). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs a TypeScript entry point of the repo (e.g. `apps/registry/src/main.ts`) as its own Node process,
 * output appended to `logFile`. Used by `npm start` and by system tests that run services for real.
 * The process stops itself if this one dies without stopping it (exit-with-parent.ts).
 */
export function startServiceProcess(options: {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  args?: string[];
}): ServiceProcess {
  const out = openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-r',
      join(__dirname, 'exit-with-parent.ts'),
      options.entry,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  return supervised(options.name, options.logFile, child, (signal) => child.kill(signal));
}

/**
 * Runs `npm run -s <script>` with its output on this terminal, in a process group of its own: npm
 * runs the script through `sh -c`, which passes no signal on, so stopping it signals the whole group
 * (npm, the shell and the script) — never anything outside it.
 */
export function startNpmScript(options: { script: string; env: NodeJS.ProcessEnv }): ServiceProcess {
  const child = spawn('npm', ['run', '-s', options.script], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  return supervised(`npm run ${options.script}`, '(this terminal)', child, (signal) => {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  });
}

function supervised(
  name: string,
  logFile: string,
  child: ChildProcess,
  signal: (signal: NodeJS.Signals) => void,
): ServiceProcess {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    // Spawning failed (e.g. no such executable): no 'exit' follows.
    child.once('error', () => resolve());
  });
  const send = (s: NodeJS.Signals) => {
    try {
      signal(s);
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    logFile,
    exited,
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const timer = setTimeout(() => send('SIGKILL'), graceMs);
      send('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves when `process` exits with status 0; rejects naming it otherwise. */
export async function succeeded(process: ServiceProcess): Promise<void> {
  await process.exited;
  const { exitCode, signalCode } = process.child;
  if (exitCode !== 0) throw new Error(`${process.name} failed (${signalCode ?? `exit ${exitCode}`})`);
}

/** Polls `url` until it answers 2xx; fails early, naming the log, if the process exits first. */
export async function waitForHealthy(
  service: ServiceProcess,
  url: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited during startup: see ${service.logFile}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `${service.name} was not healthy at ${url} within ${timeoutMs / 1000} s: see ${service.logFile}`,
  );
}
