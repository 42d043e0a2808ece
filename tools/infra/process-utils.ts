import * as fs from 'node:fs';
import * as net from 'node:net';

/** True when a process with this pid exists (and, when given, its command line contains `marker`). */
export function isProcessAlive(pid: number, marker?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (e.g. the postgres user) — still alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (marker === undefined) return true;
  try {
    // Guards against pid reuse after a reboot: the pid must still be our kind of process.
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return process.platform !== 'linux';
  }
}

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops one process by pid: each signal in turn, waiting up to `graceMs` for it to exit, then the
 * next. Returns how it ended. Never signals anything but `pid`.
 */
export async function stopProcess(
  pid: number,
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGKILL'],
  graceMs = 30_000,
): Promise<'not-running' | NodeJS.Signals> {
  if (!isProcessAlive(pid)) return 'not-running';
  for (const signal of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return signal;
    }
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
      if (!isProcessAlive(pid)) return signal;
      await sleep(100);
    }
  }
  return signals[signals.length - 1];
}

/** Polls `probe` until it returns true; throws with `describe()` after `timeoutMs`. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(options.describe());
    await sleep(options.intervalMs ?? 250);
  }
}

/** Last `lines` lines of a log file, for error messages. */
export function tailFile(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}
