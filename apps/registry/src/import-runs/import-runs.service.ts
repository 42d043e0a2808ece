import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import type { EventCause } from '@bridges/messaging';
import { validationFailed, type AuthenticatedUser, type Page } from '@bridges/platform';
import type { FileImportReport } from '../import/municipality-import.service';
import { RegistryImportRunner } from '../import/registry-import.runner';
import type { StartImportRunDto } from './dto/start-import-run.dto';
import { ImportRunEntity, type ImportRunRejectedRow, type ImportRunSources } from './import-run.entity';
import { ImportRunInProgressError, ImportRunNotFoundError } from './import-runs.errors';
import { toImportRunView, type ImportRunView } from './import-run.view';
import { fileLabel, shippedImportPlan, type ShippedImportPlan } from './shipped-import-plan';

/** How often a running run writes its progress even when no row finished (the console shows it live). */
export const HEARTBEAT_MS = 5_000;
/**
 * The session-level advisory lock the instance running an import holds on a connection of its own for
 * the whole run: PostgreSQL frees it when that connection ends, so a run whose instance died is known to
 * be abandoned at once — unlike a heartbeat, which a loaded machine can miss while the run is alive.
 */
export const IMPORT_RUN_LOCK = 'bridges.registry.import-run';
/** Rejected rows kept on the run to show why; the counts cover all. */
export const REJECTED_ROWS_KEPT = 50;

const UNIQUE_VIOLATION = '23505';

/**
 * Imports of the shipped data as tracked runs: the request answers at once with the run, the import
 * runs in the background of this instance (RegistryImportRunner, the same code as the command), and
 * its progress and counts are written to the run's row for any instance to answer.
 */
@Injectable()
export class ImportRunsService implements OnModuleDestroy {
  private readonly logger = new Logger(ImportRunsService.name);
  private active?: { id: string; done: Promise<void> };
  /** The last progress write of each run, so writes go in order and the final one comes after them. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: RegistryImportRunner,
  ) {}

  async start(dto: StartImportRunDto, user: AuthenticatedUser, cause: EventCause): Promise<ImportRunView> {
    const sources: ImportRunSources = { hromadas: dto.hromadas ?? false, countries: dto.countries ?? [] };
    const shipped = await shippedImportPlan(sources);
    if ('problems' in shipped) throw validationFailed(shipped.problems);
    const now = new Date();
    const run = Object.assign(new ImportRunEntity(), {
      id: randomUUID(),
      status: 'running',
      sources,
      startedBy: user.sub,
      rowsTotal: shipped.rowsTotal,
      rowsDone: 0,
      filesTotal: shipped.files.length,
      filesDone: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejectedRows: [],
      error: null,
      startedAt: now,
      heartbeatAt: now,
      finishedAt: null,
    } satisfies Partial<ImportRunEntity>);
    const lock = await this.insertAlone(run);
    const done = this.execute(run, shipped, cause).finally(async () => {
      await releaseRunLock(lock);
      if (this.active?.id === run.id) this.active = undefined;
    });
    this.active = { id: run.id, done };
    return toImportRunView(run);
  }

  async list(limit: number, offset: number): Promise<Page<ImportRunView>> {
    const [rows, total] = await this.repository().findAndCount({
      order: { startedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toImportRunView), total, limit, offset };
  }

  async get(id: string): Promise<ImportRunView> {
    const run = await this.repository().findOneBy({ id });
    if (!run) throw new ImportRunNotFoundError(id);
    return toImportRunView(run);
  }

  /** For tests and shutdown: the run this instance is working on, settled. */
  async settled(): Promise<void> {
    await this.active?.done;
  }

  /**
   * The service stops: the file being imported rolls back with its transaction (files committed
   * before stay), so the run is recorded as failed now rather than left `running` until abandoned.
   */
  async onModuleDestroy(): Promise<void> {
    if (!this.active) return;
    await this.finish(this.active.id, {
      status: 'failed',
      error:
        'the registry stopped during the run; files imported before stay, start the run again to complete it',
    }).catch(() => undefined);
  }

  /**
   * Takes the import lock and inserts the run as the one `running` run. The lock held elsewhere: a live
   * run on another instance (409). The lock free while a row says `running`: its instance died, so that
   * run is failed as abandoned first. Returns the connection holding the lock, released when the run ends.
   */
  private async insertAlone(run: ImportRunEntity): Promise<QueryRunner> {
    const lock = this.dataSource.createQueryRunner();
    try {
      await lock.connect();
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        IMPORT_RUN_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) {
        const running = await this.repository().findOneBy({ status: 'running' });
        throw new ImportRunInProgressError(running?.id ?? 'unknown');
      }
      await this.repository().update(
        { status: 'running' },
        {
          status: 'failed',
          error: 'abandoned: the instance running it stopped before finishing',
          finishedAt: new Date(),
        },
      );
      try {
        await this.repository().insert(run);
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION)
          throw error;
        const running = await this.repository().findOneBy({ status: 'running' });
        throw new ImportRunInProgressError(running?.id ?? 'unknown');
      }
      return lock;
    } catch (error) {
      await releaseRunLock(lock);
      throw error;
    }
  }

  private async execute(run: ImportRunEntity, shipped: ShippedImportPlan, cause: EventCause): Promise<void> {
    const progress = new RunProgress();
    const heartbeat = setInterval(() => void this.record(run.id, progress), HEARTBEAT_MS);
    heartbeat.unref();
    try {
      await this.runner.run(
        { ...shipped.plan, cause },
        {
          rowsDone: (_file, rows) => {
            progress.currentFileRows = rows;
            void this.record(run.id, progress);
          },
          fileFinished: (report) => {
            progress.finish(report);
            void this.record(run.id, progress);
          },
        },
      );
      await this.finish(run.id, { status: 'succeeded', ...progress.columns() });
    } catch (error) {
      this.logger.error({ err: error, importRunId: run.id }, 'import run failed');
      await this.finish(run.id, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        ...progress.columns(),
      }).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Writes the latest progress; writes never overlap, and one asked for during a write follows it. */
  private async record(id: string, progress: RunProgress): Promise<void> {
    const previous = this.writing.get(id) ?? Promise.resolve();
    const next = previous
      .then(() =>
        this.repository().update(
          { id, status: 'running' },
          { ...progress.columns(), heartbeatAt: new Date() },
        ),
      )
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error, importRunId: id }, 'import progress not recorded'),
      );
    this.writing.set(id, next);
    await next;
    if (this.writing.get(id) === next) this.writing.delete(id);
  }

  private async finish(id: string, columns: Partial<ImportRunEntity>): Promise<void> {
    await (this.writing.get(id) ?? Promise.resolve());
    await this.repository().update({ id, status: 'running' }, { ...columns, finishedAt: new Date() });
  }

  private repository() {
    return this.dataSource.getRepository(ImportRunEntity);
  }
}

/** Counts of a run so far: finished files' reports plus the rows of the file being imported. */
class RunProgress {
  currentFileRows = 0;
  private rowsOfFinishedFiles = 0;
  private filesDone = 0;
  private created = 0;
  private updated = 0;
  private unchanged = 0;
  private rejected = 0;
  private readonly rejectedRows: ImportRunRejectedRow[] = [];

  finish(report: FileImportReport): void {
    this.filesDone++;
    this.created += report.created;
    this.updated += report.updated;
    this.unchanged += report.unchanged;
    this.rejected += report.rejected.length;
    this.rowsOfFinishedFiles += report.created + report.updated + report.unchanged + report.rejected.length;
    this.currentFileRows = 0;
    for (const row of report.rejected.slice(0, REJECTED_ROWS_KEPT - this.rejectedRows.length))
      this.rejectedRows.push({ file: fileLabel(report.file), row: row.rowNumber, reason: row.reason });
  }

  columns(): Partial<ImportRunEntity> {
    return {
      rowsDone: this.rowsOfFinishedFiles + this.currentFileRows,
      filesDone: this.filesDone,
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      rejected: this.rejected,
      rejectedRows: [...this.rejectedRows],
    };
  }
}

/** Ends the connection holding the import lock (unlocking first, so a pooled connection never keeps it). */
async function releaseRunLock(lock: QueryRunner): Promise<void> {
  if (lock.isReleased) return;
  await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
  await lock.release().catch(() => undefined);
}
