/**
 * The fault suite's own Kafka and PostgreSQL: a second instance of tools/infra in its own state
 * directory and on its own free ports (LOCAL_INFRA_DIR, LOCAL_*_PORT), so killing the broker or
 * stopping the database never touches the infrastructure the other test files share. Driven through
 * the infra CLI in a child process: tools/infra reads its state directory once, at load.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { freePort, waitUntil } from '@bridges/testing';
import type { KafkaState } from '../../../tools/infra';
import { isProcessAlive } from '../../../tools/infra/process-utils';

const ROOT = join(__dirname, '..', '..', '..');

interface RecordedState {
  kafka?: KafkaState;
  postgres?: { pid: number };
}

export class FaultInfra {
  private constructor(
    private readonly dir: string,
    private readonly env: Record<string, string>,
    readonly kafkaBrokers: string[],
    readonly databaseUrl: string,
  ) {}

  /** Starts a fresh broker and database in `dir` (which must not hold a running instance). */
  static async start(dir: string): Promise<FaultInfra> {
    rmSync(dir, { recursive: true, force: true });
    const env = {
      LOCAL_INFRA_DIR: relative(ROOT, dir),
      LOCAL_KAFKA_PORT: String(await freePort()),
      LOCAL_KAFKA_CONTROLLER_PORT: String(await freePort()),
      LOCAL_POSTGRES_PORT: String(await freePort()),
    };
    const output = await infraCli(env, ['up']);
    const setting = (name: string): string => {
      const line = output.split('\n').find((l) => l.startsWith(`${name}=`));
      if (!line) throw new Error(`infra up printed no ${name}:\n${output}`);
      return line.slice(name.length + 1);
    };
    return new FaultInfra(dir, env, setting('KAFKA_BROKERS').split(','), setting('DATABASE_URL'));
  }

  /** SIGKILL to the broker (no controlled shutdown), and wait until it is gone. */
  async killBroker(): Promise<void> {
    await this.signal(this.state().kafka?.pid, 'SIGKILL', 'kafka.Kafka');
  }

  /**
   * Stops PostgreSQL the way an outage or a failover does: fast shutdown (SIGINT to the postmaster
   * aborts open transactions and drops every connection). By pid rather than `infra down postgres`,
   * which may also remove a relocated data directory.
   */
  async stopDatabase(): Promise<void> {
    await this.signal(this.state().postgres?.pid, 'SIGINT', 'postgres');
  }

  /** Starts again whatever is not running, on the same ports and data. */
  async restore(): Promise<void> {
    await infraCli(this.env, ['up']);
  }

  /** Stops both (by the pids recorded in the state directory) and removes the directory. */
  async stop(): Promise<void> {
    await infraCli(this.env, ['down']);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private state(): RecordedState {
    return JSON.parse(readFileSync(join(this.dir, 'infra.json'), 'utf8')) as RecordedState;
  }

  /** `marker`: the process's command line, so an exited (or zombie, or reused) pid counts as gone. */
  private async signal(pid: number | undefined, signal: NodeJS.Signals, marker: string): Promise<void> {
    if (pid === undefined) throw new Error(`no ${marker} pid recorded in ${this.dir}/infra.json`);
    process.kill(pid, signal);
    await waitUntil(() => !isProcessAlive(pid, marker), 60_000, `${marker} (pid ${pid}) to exit`);
  }
}

/** Runs `tools/infra/cli.ts` with the instance's settings; resolves with its stdout. */
function infraCli(env: Record<string, string>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/infra/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`infra ${args.join(' ')} failed (exit ${code}):\n${stderr}${stdout}`)),
    );
  });
}
