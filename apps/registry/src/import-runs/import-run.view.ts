import type {
  ImportRunEntity,
  ImportRunRejectedRow,
  ImportRunSources,
  ImportRunStatus,
} from './import-run.entity';

/** An import run as the API answers it (ImportRunResponseDto). */
export interface ImportRunView {
  readonly importRunId: string;
  readonly status: ImportRunStatus;
  readonly sources: ImportRunSources;
  readonly startedBy: string;
  readonly progress: {
    readonly rowsDone: number;
    readonly rowsTotal: number;
    readonly filesDone: number;
    readonly filesTotal: number;
    readonly percent: number;
  };
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejectedRows: readonly ImportRunRejectedRow[];
  readonly error?: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
}

export function toImportRunView(run: ImportRunEntity): ImportRunView {
  // Rows are counted from the files' lines before the run, so a run only ends at 100 when it succeeded.
  const percent =
    run.status === 'succeeded'
      ? 100
      : run.rowsTotal === 0
        ? 0
        : Math.min(99, Math.floor((run.rowsDone / run.rowsTotal) * 100));
  return {
    importRunId: run.id,
    status: run.status,
    sources: run.sources,
    startedBy: run.startedBy,
    progress: {
      rowsDone: run.rowsDone,
      rowsTotal: run.rowsTotal,
      filesDone: run.filesDone,
      filesTotal: run.filesTotal,
      percent,
    },
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    rejectedRows: run.rejectedRows,
    ...(run.error ? { error: run.error } : {}),
    startedAt: run.startedAt.toISOString(),
    ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
  };
}
