import { ImportRunEntity } from './import-run.entity';
import { toImportRunView } from './import-run.view';

const run = (overrides: Partial<ImportRunEntity>) =>
  Object.assign(new ImportRunEntity(), {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'running',
    sources: { hromadas: false, countries: ['LU'] },
    startedBy: 'coordinator-1',
    rowsTotal: 200,
    rowsDone: 0,
    filesTotal: 1,
    filesDone: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejectedRows: [],
    error: null,
    startedAt: new Date('2026-11-30T03:00:00Z'),
    heartbeatAt: new Date('2026-11-30T03:00:00Z'),
    finishedAt: null,
    ...overrides,
  });

describe(toImportRunView.name, () => {
  it('should show the share of rows read, rounded down, and never 100 before the run succeeded', () => {
    expect(toImportRunView(run({ rowsDone: 101 })).progress.percent).toBe(50);
    // The total comes from counting lines; a quoted newline can make rows outrun it.
    expect(toImportRunView(run({ rowsDone: 200 })).progress.percent).toBe(99);
    expect(toImportRunView(run({ rowsDone: 250, status: 'failed' })).progress.percent).toBe(99);
    expect(toImportRunView(run({ rowsDone: 150, status: 'succeeded' })).progress.percent).toBe(100);
  });

  it('should show 0 for a run with no rows to read, and leave out an absent error and finish', () => {
    const view = toImportRunView(run({ rowsTotal: 0 }));
    expect(view.progress.percent).toBe(0);
    expect(view).not.toHaveProperty('error');
    expect(view).not.toHaveProperty('finishedAt');
    expect(view.startedAt).toBe('2026-11-30T03:00:00.000Z');
  });
});
