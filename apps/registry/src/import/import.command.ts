/**
 * `npm run registry:import -- --hromadas <csv> --lau <dir-or-csv> [--countries EE,LT] [--strategies <dir>] [--indicators <dir>] [--report <csv>]`
 *
 * Imports municipalities into the registry database (DATABASE_URL) through the profile rules and the
 * outbox; the running registry service publishes the events. Without arguments it imports the demo
 * data shipped in data/, with the socio-economic indicators of data/ (`--no-indicators` leaves them as they are). Progress on stderr, summary on stdout, rejected rows (if any) to the report CSV.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigValidationError, loadConfig } from '@bridges/platform';
import { RegistryEnv } from '../config/registry.env';
import {
  defaultHromadaCsvPath,
  defaultLauDir,
  defaultStrategiesDir,
  findProjectDataDir,
} from './import-paths.constants';
import {
  lauFiles,
  RegistryImportRunner,
  type RegistryImportPlan,
  type RegistryImportSummary,
} from './registry-import.runner';
import { RegistryImportModule } from './registry-import.module';

/** Reads the command line into a plan; the defaults are the demo data in data/. */
export function planFromArgs(argv: readonly string[]): RegistryImportPlan {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      hromadas: { type: 'string' },
      lau: { type: 'string' },
      countries: { type: 'string' },
      strategies: { type: 'string' },
      indicators: { type: 'string' },
      report: { type: 'string' },
      'no-hromadas': { type: 'boolean' },
      'no-lau': { type: 'boolean' },
      'no-strategies': { type: 'boolean' },
      'no-indicators': { type: 'boolean' },
    },
    strict: true,
  });
  return {
    hromadas: values['no-hromadas'] ? undefined : (values.hromadas ?? defaultHromadaCsvPath()),
    lau: values['no-lau'] ? undefined : (values.lau ?? defaultLauDir()),
    countries: values.countries
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    strategies: values['no-strategies'] ? undefined : (values.strategies ?? defaultStrategiesDir()),
    indicators: values['no-indicators'] ? undefined : (values.indicators ?? findProjectDataDir()),
    reportPath: values.report ?? join(tmpdir(), `registry-import-rejected-${Date.now()}.csv`),
  };
}

/** Runs a plan in a Nest application context with a progress bar on stderr. */
export async function runImport(plan: RegistryImportPlan): Promise<RegistryImportSummary> {
  const app = await NestFactory.createApplicationContext(RegistryImportModule, { logger: ['error', 'warn'] });
  try {
    const files = [...(plan.hromadas ? [plan.hromadas] : []), ...(await lauFiles(plan)).map((f) => f.file)];
    const totals = new Map(await Promise.all(files.map(async (f) => [f, await countDataLines(f)] as const)));
    const bar = new SingleBar({
      format: '{file} [{bar}] {value}/{total} rows | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
    });
    const grandTotal = [...totals.values()].reduce((a, b) => a + b, 0);
    let before = 0;
    bar.start(grandTotal, 0, { file: '' });
    const summary = await app.get(RegistryImportRunner).run(plan, {
      fileStarted: (file) => bar.update(before, { file: file.split('/').pop() }),
      rowsDone: (_file, done) => bar.update(before + done),
      fileFinished: (report) => {
        before += totals.get(report.file) ?? 0;
        bar.update(before);
      },
    });
    bar.stop();
    return summary;
  } finally {
    await app.close();
  }
}

export function printSummary(summary: RegistryImportSummary): void {
  for (const f of summary.files) {
    process.stdout.write(
      `${f.file}: ${f.created} created, ${f.updated} updated, ${f.unchanged} unchanged, ${f.rejected.length} rejected\n`,
    );
  }
  const rows = summary.created + summary.updated + summary.unchanged + summary.rejected;
  process.stdout.write(
    `total: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected` +
      ` in ${summary.seconds.toFixed(1)} s (${Math.round(rows / summary.seconds)} rows/s); strategies for ${summary.strategyHromadas} hromadas; indicators for ${summary.withIndicators} municipalities\n`,
  );
  if (summary.reportPath) process.stdout.write(`rejected rows: ${summary.reportPath}\n`);
}

/**
 * Refuses a DATABASE_URL naming the server's maintenance database: a launcher or shell that forgot
 * the registry's own URL must not fill `postgres` with registry tables.
 */
export function assertServiceDatabase(databaseUrl: string): void {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (database === '' || database === 'postgres' || database.startsWith('template')) {
    throw new Error(
      `DATABASE_URL names the maintenance database "${database || '(none)'}": point it at the registry's own database (bridges_registry)`,
    );
  }
}

/** Data lines of a CSV (lines minus the header), for the progress bar's total. */
async function countDataLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file))
    for (const byte of chunk as Buffer) if (byte === 10) lines++;
  return Math.max(0, lines - 1);
}

async function main(): Promise<void> {
  try {
    assertServiceDatabase(loadConfig(RegistryEnv).DATABASE_URL);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const plan = planFromArgs(process.argv.slice(2));
  printSummary(await runImport(plan));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `import failed: ${error instanceof Error ? error.message : String(error)}\n` +
        '(a file in progress is rolled back whole; files already imported stay, and running the import again completes the rest)\n',
    );
    process.exit(1);
  });
}
