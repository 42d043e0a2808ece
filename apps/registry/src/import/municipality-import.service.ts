import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutboxWriter, type EventCause, type PendingEvent } from '@bridges/messaging';
import { RegistryEnv } from '../config/registry.env';
import { MunicipalitiesService, type EventPublisher } from '../municipalities/municipalities.service';
import type { ProfileState } from '../municipalities/municipality-profile.rules';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { mergeImported, profileFromRecord, type StrategyFacts } from './municipality-import.mapping';
import type { MunicipalityImportRecord, ParsedRow, RejectedRow } from './municipality-import.types';

/** Outcome of importing one file. */
export interface FileImportReport {
  readonly file: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedRow[];
}

/** Options of {@link MunicipalityImportService.importFile}. */
export interface FileImportOptions {
  /** Strategy facts by KATOTTG (hromadas only). */
  readonly strategies?: ReadonlyMap<string, StrategyFacts>;
  /** Called after each batch with the rows handled so far in this file. */
  readonly onProgress?: (rowsDone: number) => void;
  readonly cause?: EventCause;
}

/**
 * Bulk import through the same profile rules and outbox as the HTTP API. Each file is one
 * transaction: a failure anywhere in a file (bad data that slips past the parser, a lost
 * connection, Ctrl-C) rolls the whole file back, so a file is either fully imported or not at all;
 * files already committed stay, and re-running the import completes the rest. Idempotent: a row that
 * matches its stored profile writes nothing and publishes nothing.
 */
@Injectable()
export class MunicipalityImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly outbox: OutboxWriter,
    private readonly env: RegistryEnv,
  ) {}

  async importFile(
    file: string,
    rows: AsyncIterable<ParsedRow>,
    options: FileImportOptions = {},
  ): Promise<FileImportReport> {
    const rejected: RejectedRow[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let done = 0;
    await this.dataSource.transaction(async (manager) => {
      // Events of a batch are collected and appended after its rows, in order, with one multi-row insert.
      const pending: PendingEvent[] = [];
      const publish: EventPublisher = (definition, payload) => {
        pending.push({ definition: definition, payload });
        return Promise.resolve();
      };
      let batch: MunicipalityImportRecord[] = [];
      const flush = async () => {
        const outcome = await this.importBatch(manager, batch, publish, options.strategies);
        await this.outbox.appendMany(manager, pending.splice(0), options.cause ?? {});
        created += outcome.created;
        updated += outcome.updated;
        unchanged += outcome.unchanged;
        done += batch.length;
        batch = [];
        options.onProgress?.(done + rejected.length);
      };
      for await (const row of rows) {
        if (row.kind === 'rejected') {
          rejected.push(row.rejected);
          continue;
        }
        batch.push(row.record);
        if (batch.length >= this.env.IMPORT_BATCH_SIZE) await flush();
      }
      if (batch.length > 0) await flush();
    });
    return { file, created, updated, unchanged, rejected };
  }

  private async importBatch(
    manager: EntityManager,
    records: readonly MunicipalityImportRecord[],
    publish: EventPublisher,
    strategies: ReadonlyMap<string, StrategyFacts> | undefined,
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    const existing = new Map<string, MunicipalityEntity>();
    for (const country of new Set(records.map((r) => r.country))) {
      const codes = records.filter((r) => r.country === country).map((r) => r.officialCode);
      const rows = await manager.find(MunicipalityEntity, {
        where: { country, officialCode: In(codes) },
        lock: { mode: 'pessimistic_write' },
      });
      for (const row of rows) existing.set(`${row.country}:${row.officialCode}`, row);
    }
    const fresh: ProfileState[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const record of records) {
      const facts = strategies?.get(record.officialCode) ?? {};
      const current = existing.get(`${record.country}:${record.officialCode}`);
      if (!current) {
        fresh.push(profileFromRecord(record, randomUUID(), facts));
        continue;
      }
      const outcome = await this.municipalities.saveChange(
        manager,
        current,
        mergeImported(current, record, facts),
        publish,
      );
      if (outcome.changedFields.length > 0) updated++;
      else unchanged++;
    }
    await this.municipalities.insertProfiles(manager, fresh, publish);
    return { created: fresh.length, updated, unchanged };
  }
}
