import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCAL_DIR } from './infra-config';

/** `.local/infra.json`: what `infra up` started, so a second `up` reuses it and `down` stops only it. */
export const STATE_FILE = path.join(LOCAL_DIR, 'infra.json');

export interface KafkaState {
  pid: number;
  port: number;
  controllerPort: number;
  brokers: string[];
  version: string;
  startedAt: string;
  /** State directory, when not the default .local/kafka. */
  dir?: string;
}

export interface PostgresState {
  pid: number;
  port: number;
  databaseUrl: string;
  dataDir: string;
  /** Set when the server ran outside the checkout (root in a private folder); `down` removes it. */
  runtimeDir?: string;
  startedAt: string;
}

export interface InfraState {
  kafka?: KafkaState;
  postgres?: PostgresState;
}

export function readState(): InfraState {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as InfraState;
  } catch {
    return {};
  }
}

export function writeState(state: InfraState): void {
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  if (!state.kafka && !state.postgres) {
    fs.rmSync(STATE_FILE, { force: true });
    return;
  }
  const tmp = `${STATE_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, STATE_FILE);
}

export function updateState(change: (state: InfraState) => void): InfraState {
  const state = readState();
  change(state);
  writeState(state);
  return state;
}

/**
 * A cross-process lock around up/down (`.local/infra.lock`, holding the owner's pid), so two
 * `up`s started at once (two terminals, two jest runs) do not both start a broker.
 */
export async function withInfraLock<T>(work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const lockFile = path.join(LOCAL_DIR, 'infra.lock');
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (!ownerAlive(owner)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockFile} is held by pid ${owner}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function ownerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
