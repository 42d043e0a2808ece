/**
 * `npm start` stops everything it started on SIGINT and SIGTERM sent to the npm process — from a
 * script or in the background, not only by Ctrl-C — and when npm itself is killed. Real processes:
 * the real `npm start` on the shared Kafka and PostgreSQL (KAFKA_BROKERS / DATABASE_URL) with only
 * the mail sink (START_SERVICES=none), on free ports, so it neither clashes with a developer's
 * running `npm start` nor rebuilds the consoles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from '@bridges/testing';

const ROOT = join(__dirname, '..', '..');

/** Parent pid and state of every process, from /proc. */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ..."; comm may hold spaces and parentheses: read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(ppid), state });
    } catch {
      // exited while we looked
    }
  }
  return table;
}

/** `pid` and every process below it. */
function processTree(pid: number): number[] {
  const table = processTable();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, { ppid }] of table) if (ppid === tree[i]) tree.push(child);
  return tree;
}

const alive = (pid: number): boolean => {
  const entry = processTable().get(pid);
  return entry !== undefined && entry.state !== 'Z';
};

/** `promise`, or a failure naming `what` after `ms`: a stop that hangs fails the test, not the run. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)),
    ),
  ]);
}

const portRefused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

interface StartedNpm {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  ports: number[];
  /** npm and every process below it once it said it is ready. */
  tree: number[];
}

/** Starts `npm start` and waits until it says it is ready; `track` learns its processes at once. */
async function startNpm(workDir: string, track: (started: StartedNpm) => void): Promise<StartedNpm> {
  const [smtpPort, mailPort] = [await freePort(), await freePort()];
  let output = '';
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      START_SERVICES: 'none',
      START_CONSOLES_BUILD: 'skip',
      START_SMTP_PORT: String(smtpPort),
      START_MAIL_PORT: String(mailPort),
      LOCAL_INFRA_DIR: workDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => (output += chunk.toString());
  npm.stdout.on('data', append);
  npm.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const started: StartedNpm = {
    npm,
    output: () => output,
    exited,
    ports: [smtpPort, mailPort],
    tree: [npm.pid!],
  };
  track(started);
  await waitUntil(
    () => {
      started.tree = processTree(npm.pid!);
      return output.includes('Bridges is ready');
    },
    60_000,
    '"Bridges is ready"',
  ).catch((error: Error) => {
    throw new Error(`${error.message}; npm start said:\n${output}`);
  });
  return started;
}

describe('npm start, stopped by a signal to the npm process', () => {
  let workDir: string;
  let started: StartedNpm | undefined;
  const track = (s: StartedNpm) => (started = s);

  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'npm-start-stop-'));
  });

  afterEach(() => {
    // Only when a test failed midway: leave no process of ours behind.
    for (const pid of started?.tree.filter(alive) ?? []) process.kill(pid, 'SIGKILL');
    started = undefined;
    rmSync(workDir, { recursive: true, force: true });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'should stop the mail sink and exit when the npm process gets %s',
    async (signal) => {
      const { npm, output, exited, ports, tree } = await startNpm(workDir, track);
      // npm, then start.ts (exec'd by the script: no shell between them), then the mail sink.
      expect(commandOf(tree[1])).toContain('tools/dev/start.ts');
      expect(tree.map(commandOf).filter((c) => c.includes('tools/dev/smtp-sink.ts'))).toHaveLength(1);
      expect(await portRefused(ports[1])).toBe(false);

      process.kill(npm.pid!, signal);

      expect(await within(exited, 30_000, 'npm start to exit')).toBe(0);
      expect(output()).toContain(`${signal}: stopping what npm start started`);
      expect(tree.filter(alive)).toEqual([]);
      expect(await portRefused(ports[0])).toBe(true);
      expect(await portRefused(ports[1])).toBe(true);
    },
  );

  it('should stop the mail sink when the npm process is killed outright', async () => {
    const { npm, exited, ports, tree } = await startNpm(workDir, track);
    expect(tree.map(commandOf).filter((c) => c.includes('tools/dev/smtp-sink.ts'))).toHaveLength(1);

    process.kill(npm.pid!, 'SIGKILL');
    await exited;

    // start.ts notices within a second that its parent is gone and stops what it started.
    await waitUntil(() => tree.every((pid) => !alive(pid)), 30_000, 'every process npm start started gone');
    expect(await portRefused(ports[1])).toBe(true);
  });

  it('should stop the mail sink when start.ts itself is killed outright', async () => {
    const { exited, ports, tree } = await startNpm(workDir, track);
    expect(commandOf(tree[1])).toContain('tools/dev/start.ts');

    process.kill(tree[1], 'SIGKILL');
    await within(exited, 30_000, 'npm start to exit');

    // Each process startServiceProcess runs notices that its parent is gone and stops itself.
    await waitUntil(() => tree.every((pid) => !alive(pid)), 30_000, 'every process npm start started gone');
    expect(await portRefused(ports[1])).toBe(true);
  });
});
