import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { freePort, waitUntil } from '@bridges/testing';

const REPO_ROOT = resolve(__dirname, '..', '..');
/** Linux reports process CPU time in clock ticks; 100 per second on every common kernel. */
const CLOCK_TICKS_PER_SECOND = 100;

/** One real instance of a service: `node -r @swc-node/register apps/<service>/src/main.ts`. */
export interface ServiceProcess {
  readonly port: number;
  readonly url: string;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the service with `env` (logs to `<logDir>/<service>.log`) and waits for /health/ready. */
export async function startService(
  service: string,
  env: Record<string, string>,
  logDir: string,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', `apps/${service}/src/main.ts`],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        ...env,
        HTTP_PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = createWriteStream(join(logDir, `${service}.log`), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => (running = false));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (!running) throw new Error(`${service} exited during startup (see ${logDir}/${service}.log)`);
      return fetch(`${url}/health/ready`).then(
        (res) => res.ok,
        () => false,
      );
    },
    180_000,
    `${service} ready`,
  );
  return {
    port,
    url,
    cpuSeconds: async () => {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name): utime, stime.
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    },
    stop: async () => {
      if (!running) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => running && child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
