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
  /** SIGTERM, then SIGKILL after `graceMs`; only this process's pid. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs a TypeScript entry point of the repo (e.g. `apps/registry/src/main.ts`) as its own Node process,
 * output appended to `logFile`. Used by `npm start` and by system tests that run services for real.
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
    ['-r', '@swc-node/register', options.entry, ...(options.args ?? [])],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: options.name,
    child,
    logFile: options.logFile,
    exited,
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
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
