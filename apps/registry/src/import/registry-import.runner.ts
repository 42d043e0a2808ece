import { Injectable } from '@nestjs/common';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { EventCause } from '@bridges/messaging';
import { countryFromEurostat, eurostatCountryCode, type EuCountryCode } from '@bridges/contracts/vocabulary';
import { parseHromadaCsv } from './hromada-csv.parser';
import { loadHromadaStrategies } from './hromada-strategies.loader';
import { listLauCountries, parseLauCsv } from './lau-csv.parser';
import type { StrategyFacts } from './municipality-import.mapping';
import { MunicipalityImportService, type FileImportReport } from './municipality-import.service';
import type { ParsedRow } from './municipality-import.types';
import { loadNutsRegionNames } from './nuts-region-names.loader';
import {
  euIndicators,
  loadEuIndicatorTables,
  loadHromadaIndicators,
  type EuIndicatorTables,
  type MunicipalityIndicators,
} from './socio-economic-indicators.loader';

/** What to import; every path is optional. */
export interface RegistryImportPlan {
  /** KSE `full_dataset.csv`. */
  readonly hromadas?: string;
  /** A folder of EDJNet `<CC>.csv` files, or one such file. */
  readonly lau?: string;
  /** Only these countries of the LAU folder (default: every file in it). */
  readonly countries?: readonly string[];
  /** A hromada-strategy-collab folder: sectors, priorities and confirmed partners of hromadas. */
  readonly strategies?: string;
  /**
   * A folder laid out like `data/` holding the socio-economic indicator files
   * (socio-economic-indicators.loader.ts). Absent: imported profiles keep the indicators they have.
   */
  readonly indicators?: string;
  /** Where to write the rejected rows (CSV: file,row,reason). */
  readonly reportPath?: string;
  /** Correlation of the events the import writes (the HTTP request that started an import run). */
  readonly cause?: EventCause;
}

/** Progress events of a run, for a progress bar. */
export interface ImportProgressListener {
  fileStarted?(file: string): void;
  rowsDone?(file: string, rowsDone: number): void;
  fileFinished?(report: FileImportReport): void;
}

/** The summary of a whole import run. */
export interface RegistryImportSummary {
  readonly files: readonly FileImportReport[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Where the rejected rows were written: only when a row was rejected. */
  readonly reportPath?: string;
  readonly strategyHromadas: number;
  /** Municipalities imported with at least one known indicator. */
  readonly withIndicators: number;
  readonly seconds: number;
}

/** Runs an import plan file by file (each file one transaction) and writes the rejected-rows report. */
@Injectable()
export class RegistryImportRunner {
  constructor(private readonly importer: MunicipalityImportService) {}

  async run(plan: RegistryImportPlan, progress: ImportProgressListener = {}): Promise<RegistryImportSummary> {
    const started = performance.now();
    const reports: FileImportReport[] = [];
    const strategies = plan.strategies
      ? await loadStrategyFacts(plan.strategies)
      : new Map<string, StrategyFacts>();
    const indicators = plan.indicators ? await loadEuIndicatorTables(plan.indicators) : undefined;
    // The LAU files carry NUTS codes only; the names ship beside the indicators (data/ by default).
    const regionNames = plan.lau ? await loadNutsRegionNames(plan.indicators) : undefined;
    let withIndicators = 0;

    const importOne = async (
      file: string,
      rows: AsyncIterable<ParsedRow>,
      facts: ReadonlyMap<string, StrategyFacts> | undefined,
    ) => {
      progress.fileStarted?.(file);
      const report = await this.importer.importFile(file, rows, {
        strategies: facts,
        cause: plan.cause,
        onProgress: (done) => progress.rowsDone?.(file, done),
      });
      for (const f of facts?.values() ?? []) if (f.indicators) withIndicators++;
      progress.fileFinished?.(report);
      reports.push(report);
    };

    // The EU pool first: hromadas registered after it get their proposals at once, instead of
    // waiting for matching's backfill sweep to notice the pool has grown.
    for (const { country, file } of await lauFiles(plan)) {
      if (!indicators) {
        await importOne(file, parseLauCsv(country, file, regionNames), undefined);
        continue;
      }
      // FUA populations and prosperity percentiles are computed over a whole country: read its file first.
      const rows = await drain(parseLauCsv(country, file, regionNames));
      await importOne(file, Readable.from(rows), euIndicatorFacts(rows, indicators));
    }
    if (plan.hromadas) {
      const facts = plan.indicators
        ? withHromadaIndicators(strategies, await loadHromadaIndicators(plan.indicators, plan.hromadas))
        : strategies;
      await importOne(plan.hromadas, parseHromadaCsv(plan.hromadas), facts);
    }

    const rejected = reports.reduce((n, r) => n + r.rejected.length, 0);
    // No report without a rejected row: npm start imports clean data on every run, and an empty
    // file in the temporary directory, announced each time, only made people look for a problem.
    const reportPath = rejected > 0 ? plan.reportPath : undefined;
    if (reportPath) await writeRejectedReport(reportPath, reports);
    const sum = (k: 'created' | 'updated' | 'unchanged') => reports.reduce((n, r) => n + r[k], 0);
    return {
      files: reports,
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      rejected,
      reportPath,
      strategyHromadas: strategies.size,
      withIndicators,
      seconds: (performance.now() - started) / 1000,
    };
  }
}

/** The LAU files a plan names: one file (`.../PL.csv`) or the files of a folder, filtered by country. */
export async function lauFiles(
  plan: RegistryImportPlan,
): Promise<{ country: EuCountryCode; file: string }[]> {
  if (!plan.lau) return [];
  if (!existsSync(plan.lau)) throw new Error(`--lau ${plan.lau}: no such file or folder`);
  if (statSync(plan.lau).isFile()) {
    // Files are named the Eurostat way (Greece is EL.csv); the country itself is ISO (GR).
    const country = countryFromEurostat(
      basename(plan.lau)
        .replace(/\.csv$/i, '')
        .toUpperCase(),
    );
    if (!country)
      throw new Error(`--lau ${plan.lau}: the file name must be <CC>.csv with an EU country code`);
    return [{ country, file: plan.lau }];
  }
  const available = await listLauCountries(plan.lau);
  // Either spelling of Greece is accepted on the command line (EL as in the files, GR as in ISO).
  const wanted = plan.countries?.map((c) => countryFromEurostat(c.toUpperCase()) ?? c.toUpperCase());
  const unknown = wanted?.filter((c) => !(available as string[]).includes(c)) ?? [];
  if (unknown.length > 0)
    throw new Error(`--countries: no ${unknown.map((c) => `${c}.csv`).join(', ')} in ${plan.lau}`);
  return available
    .filter((c) => !wanted || wanted.includes(c))
    .map((country) => ({ country, file: join(plan.lau!, `${eurostatCountryCode(country)}.csv`) }));
}

async function loadStrategyFacts(dir: string): Promise<Map<string, StrategyFacts>> {
  const { strategies, partners } = await loadHromadaStrategies(dir);
  const facts = new Map<
    string,
    { strategy?: (typeof strategies)[number]; partners?: (typeof partners)[number] }
  >();
  for (const strategy of strategies)
    facts.set(strategy.katottg, { ...facts.get(strategy.katottg), strategy });
  for (const p of partners) facts.set(p.katottg, { ...facts.get(p.katottg), partners: p });
  return facts;
}

async function drain(rows: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const all: ParsedRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** A known indicator set, or undefined when the sources know nothing of this municipality. */
function known(indicators: MunicipalityIndicators | undefined): MunicipalityIndicators | undefined {
  return indicators && Object.keys(indicators).length > 0 ? indicators : undefined;
}

/** The indicators of one country's LAU rows as import facts, by GISCO id. */
function euIndicatorFacts(rows: readonly ParsedRow[], tables: EuIndicatorTables): Map<string, StrategyFacts> {
  const records = rows.flatMap((r) => (r.kind === 'accepted' ? [r.record] : []));
  const facts = new Map<string, StrategyFacts>();
  for (const [code, indicators] of euIndicators(records, tables)) {
    const k = known(indicators);
    if (k) facts.set(code, { indicators: k });
  }
  return facts;
}

/** Strategy facts with each hromada's indicators added, by KATOTTG. */
function withHromadaIndicators(
  strategies: ReadonlyMap<string, StrategyFacts>,
  indicators: ReadonlyMap<string, MunicipalityIndicators>,
): Map<string, StrategyFacts> {
  const facts = new Map(strategies);
  for (const [code, i] of indicators) {
    const k = known(i);
    if (k) facts.set(code, { ...facts.get(code), indicators: k });
  }
  return facts;
}

/** CSV `file,row,reason`, one line per rejected row, RFC 4180 quoting. */
export async function writeRejectedReport(path: string, reports: readonly FileImportReport[]): Promise<void> {
  const quote = (v: string | number) =>
    /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = ['file,row,reason'];
  for (const r of reports)
    for (const row of r.rejected) lines.push([r.file, row.rowNumber, row.reason].map(quote).join(','));
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
}
