import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IMPORT_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** What a run imports from the data shipped in `data/`. */
export interface ImportRunSources {
  /** Every hromada (KSE), with the strategy goals. */
  readonly hromadas: boolean;
  /** EU countries whose EDJNet LAU file is imported (ISO codes: Greece is GR). */
  readonly countries: readonly string[];
}

/** A rejected row as the coordinator sees it: the file's name (never a server path), its line and why. */
export interface ImportRunRejectedRow {
  readonly file: string;
  readonly row: number;
  readonly reason: string;
}

/**
 * One import of the shipped data started over HTTP, run in the background by the instance that
 * accepted it. The partial unique index lets one run at a time be `running`, across every instance.
 */
@Entity({ name: 'import_run' })
@Index('ux_import_run_one_running', ['status'], { unique: true, where: `"status" = 'running'` })
@Index('ix_import_run_started_at', ['startedAt'])
export class ImportRunEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) status: ImportRunStatus;
  @Column({ type: 'jsonb' }) sources: ImportRunSources;
  /** The `sub` of the coordinator who started it. */
  @Column({ name: 'started_by', type: 'text' }) startedBy: string;
  @Column({ name: 'rows_total', type: 'integer' }) rowsTotal: number;
  @Column({ name: 'rows_done', type: 'integer', default: 0 }) rowsDone: number;
  @Column({ name: 'files_total', type: 'integer' }) filesTotal: number;
  @Column({ name: 'files_done', type: 'integer', default: 0 }) filesDone: number;
  @Column({ type: 'integer', default: 0 }) created: number;
  @Column({ type: 'integer', default: 0 }) updated: number;
  @Column({ type: 'integer', default: 0 }) unchanged: number;
  @Column({ type: 'integer', default: 0 }) rejected: number;
  /** The first rejected rows (at most REJECTED_ROWS_KEPT), to show why. */
  @Column({ name: 'rejected_rows', type: 'jsonb', default: () => "'[]'" })
  rejectedRows: ImportRunRejectedRow[];
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  /** Written while the run works (progress for the console); whether it is alive is the import lock's to say. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz' }) heartbeatAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
