import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { waitUntil } from '@bridges/testing';
import { ImportRunEntity } from '../src/import-runs/import-run.entity';
import { IMPORT_RUN_LOCK, ImportRunsService } from '../src/import-runs/import-runs.service';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';

/** Luxembourg: the smallest shipped LAU file with rows to import (102 communes). */
const LU_ROWS = 102;

describe('import runs over HTTP (PostgreSQL + Kafka)', () => {
  let t: RegistryTestApp;
  let http: App;
  let coordinator: string;

  beforeAll(async () => {
    t = await startRegistryTestApp({ IMPORT_BATCH_SIZE: '25' });
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
  });

  afterAll(async () => {
    await t?.close();
  });

  const runs = () => t.dataSource.getRepository(ImportRunEntity);
  type RunBody = Record<string, unknown> & { importRunId: string; status: string };
  const getRun = async (id: string): Promise<RunBody> =>
    (await request(http).get(`/import-runs/${id}`).set('Authorization', coordinator).expect(200))
      .body as RunBody;
  const finished = async (id: string): Promise<RunBody> => {
    await waitUntil(
      async () => (await getRun(id)).status !== 'running',
      120_000,
      `import run ${id} finished`,
      200,
    );
    return getRun(id);
  };
  const start = (body: object) =>
    request(http).post('/import-runs').set('Authorization', coordinator).send(body);

  it('should import a shipped country in the background, answer 202 at once, record progress and counts, and publish one registered event per commune', async () => {
    const started = await start({ countries: ['LU'] }).expect(202);
    expect(started.body).toMatchObject({
      status: 'running',
      sources: { hromadas: false, countries: ['LU'] },
      startedBy: 'coordinator-1',
      progress: { rowsDone: 0, rowsTotal: LU_ROWS, filesDone: 0, filesTotal: 1, percent: 0 },
    });

    const run = await finished(started.body.importRunId);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: LU_ROWS,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejectedRows: [],
      progress: { rowsDone: LU_ROWS, rowsTotal: LU_ROWS, filesDone: 1, filesTotal: 1, percent: 100 },
    });
    expect(Date.parse(String(run.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(run.startedAt)));
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM municipality WHERE country = 'LU'`,
    );
    expect(n).toBe(LU_ROWS);
    await t.probe.waitForCount(
      (r) => r.topic === t.topics.municipality && r.headers.ce_type === 'registry.municipality.registered.v1',
      LU_ROWS,
    );

    const again = await finished((await start({ countries: ['LU'] }).expect(202)).body.importRunId);
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: LU_ROWS });

    const list = await request(http).get('/import-runs').set('Authorization', coordinator).expect(200);
    expect(list.body.items.map((r: { importRunId: string }) => r.importRunId).slice(0, 2)).toEqual([
      again.importRunId,
      run.importRunId,
    ]);
  });

  it('should answer 409 IMPORT_RUN_IN_PROGRESS while a live run is running on any instance, and fail a run whose instance died', async () => {
    await t.app.get(ImportRunsService).settled();
    // Another instance running an import: its row, and the import lock held on a connection of its own.
    const otherInstance = t.dataSource.createQueryRunner();
    await otherInstance.connect();
    await otherInstance.query('SELECT pg_advisory_lock(hashtext($1))', [IMPORT_RUN_LOCK]);
    const other = Object.assign(new ImportRunEntity(), {
      id: randomUUID(),
      status: 'running' as const,
      sources: { hromadas: true, countries: [] },
      startedBy: 'another-instance',
      rowsTotal: 10,
      filesTotal: 1,
      startedAt: new Date(),
      heartbeatAt: new Date(),
    });
    await runs().insert(other);

    const refused = await start({ countries: ['LU'] }).expect(409);
    expect(refused.body.code).toBe('IMPORT_RUN_IN_PROGRESS');
    expect(await runs().countBy({ status: 'running' })).toBe(1);

    // Its heartbeat may be late on a loaded machine: still refused while the lock is held.
    await runs().update({ id: other.id }, { heartbeatAt: new Date(Date.now() - 10 * 60_000) });
    await start({ countries: ['LU'] }).expect(409);

    // The instance dies: PostgreSQL frees the lock with its connection, and the run counts as abandoned.
    await otherInstance.release();
    const next = await start({ countries: ['LU'] }).expect(202);
    expect(await runs().findOneByOrFail({ id: other.id })).toMatchObject({
      status: 'failed',
      error: 'abandoned: the instance running it stopped before finishing',
    });
    expect((await finished(next.body.importRunId)).status).toBe('succeeded');
  });

  it('should answer 400 naming the field for nothing to import, a country without shipped data, a non-EU code or unknown fields, and start nothing', async () => {
    await t.app.get(ImportRunsService).settled();
    const before = await runs().count();
    const cases: [object, string][] = [
      [{}, 'countries'],
      [{ hromadas: false, countries: [] }, 'countries'],
      [{ countries: ['FR'] }, 'countries'],
      [{ countries: ['UA'] }, 'countries'],
      [{ countries: ['LU', 'LU'] }, 'countries'],
      [{ hromadas: 'yes' }, 'hromadas'],
      [{ countries: ['LU'], path: '/etc' }, 'path'],
    ];
    for (const [body, field] of cases) {
      const res = await start(body).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    }
    expect(await runs().count()).toBe(before);
  });

  it('should name what the installation ships: the hromadas and every EU country with a LAU file', async () => {
    const res = await request(http).get('/import-runs/sources').set('Authorization', coordinator).expect(200);
    expect(res.body.hromadas).toBe(true);
    expect(res.body.countries).toEqual(expect.arrayContaining(['LU', 'PL', 'GR']));
    // France's LAU file is not among the copies in data/.
    expect(res.body.countries).not.toContain('FR');
  });

  it('should answer 403 to other roles and 404 for an unknown run', async () => {
    const matching = `Bearer ${await tokens.matchingCoordinator()}`;
    await request(http)
      .post('/import-runs')
      .set('Authorization', matching)
      .send({ countries: ['LU'] })
      .expect(403);
    await request(http).get('/import-runs').set('Authorization', matching).expect(403);
    const missing = await request(http)
      .get(`/import-runs/${randomUUID()}`)
      .set('Authorization', coordinator)
      .expect(404);
    expect(missing.body.code).toBe('IMPORT_RUN_NOT_FOUND');
  });
});
