import { Injectable } from '@nestjs/common';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { countryFromEurostat, eurostatCountryCode, type EuCountryCode } from '@bridges/contracts/vocabulary';
import { parseHromadaCsv } from './hromada-csv.parser';
import { loadHromadaStrategies } from './hromada-strategies.loader';
import { listLauCountries, parseLauCsv } from './lau-csv.parser';
import type { StrategyFacts } from './municipality-import.mapping';
import { MunicipalityImportService, type FileImportReport } from './municipality-import.service';

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
  /** Where to write the rejected rows (CSV: file,row,reason). */
  readonly reportPath?: string;
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
  readonly strategyHromadas: number;
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

    const importOne = async (
      file: string,
      rows: Parameters<MunicipalityImportService['importFile']>[1],
      withStrategies: boolean,
    ) => {
      progress.fileStarted?.(file);
      const report = await this.importer.importFile(file, rows, {
        strategies: withStrategies ? strategies : undefined,
        onProgress: (done) => progress.rowsDone?.(file, done),
      });
      progress.fileFinished?.(report);
      reports.push(report);
    };

    // The EU pool first: hromadas registered after it get their proposals at once, instead of
    // waiting for matching's backfill sweep to notice the pool has grown.
    for (const { country, file } of await lauFiles(plan))
      await importOne(file, parseLauCsv(country, file), false);
    if (plan.hromadas) await importOne(plan.hromadas, parseHromadaCsv(plan.hromadas), true);

    if (plan.reportPath) await writeRejectedReport(plan.reportPath, reports);
    const sum = (k: 'created' | 'updated' | 'unchanged') => reports.reduce((n, r) => n + r[k], 0);
    return {
      files: reports,
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      rejected: reports.reduce((n, r) => n + r.rejected.length, 0),
      strategyHromadas: strategies.size,
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

/** CSV `file,row,reason`, one line per rejected row, RFC 4180 quoting. */
export async function writeRejectedReport(path: string, reports: readonly FileImportReport[]): Promise<void> {
  const quote = (v: string | number) =>
    /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = ['file,row,reason'];
  for (const r of reports)
    for (const row of r.rejected) lines.push([r.file, row.rowNumber, row.reason].map(quote).join(','));
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
}
