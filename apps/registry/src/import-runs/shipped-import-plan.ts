import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { FieldError } from '@bridges/platform';
import {
  defaultHromadaCsvPath,
  defaultLauDir,
  defaultStrategiesDir,
  findProjectDataDir,
} from '../import/import-paths.constants';
import { listLauCountries } from '../import/lau-csv.parser';
import { lauFiles, type RegistryImportPlan } from '../import/registry-import.runner';
import type { ImportRunSources } from './import-run.entity';

/** The import plan of a run over the data shipped in `data/`, and what it will read. */
export interface ShippedImportPlan {
  readonly plan: RegistryImportPlan;
  readonly files: readonly string[];
  /** Data rows of those files (lines after the header), for the progress bar. */
  readonly rowsTotal: number;
}

/** What this installation ships in `data/`: whether the hromadas, and which EU countries (ISO codes). */
export async function shippedSources(): Promise<ImportRunSources> {
  try {
    findProjectDataDir();
  } catch {
    return { hromadas: false, countries: [] };
  }
  return {
    hromadas: existsSync(defaultHromadaCsvPath()),
    countries: existsSync(defaultLauDir()) ? await listLauCountries(defaultLauDir()) : [],
  };
}

/**
 * Checks the requested sources against the files shipped in `data/` (field errors for what is not
 * there) and builds the same plan `npm run registry:seed` runs: strategies and indicators included.
 */
export async function shippedImportPlan(
  sources: ImportRunSources,
): Promise<{ problems: FieldError[] } | ShippedImportPlan> {
  if (!sources.hromadas && sources.countries.length === 0)
    return { problems: [{ field: 'countries', messages: ['name hromadas or at least one country'] }] };
  let dataDir: string;
  try {
    dataDir = findProjectDataDir();
  } catch {
    return { problems: [{ field: 'hromadas', messages: ['this installation ships no data/ folder'] }] };
  }
  const shipped = existsSync(defaultLauDir()) ? await listLauCountries(defaultLauDir()) : [];
  const missing = sources.countries.filter((c) => !(shipped as string[]).includes(c));
  if (missing.length > 0)
    return {
      problems: [{ field: 'countries', messages: [`no municipalities shipped for ${missing.join(', ')}`] }],
    };
  const plan: RegistryImportPlan = {
    ...(sources.hromadas ? { hromadas: defaultHromadaCsvPath(), strategies: defaultStrategiesDir() } : {}),
    ...(sources.countries.length > 0 ? { lau: defaultLauDir(), countries: sources.countries } : {}),
    indicators: dataDir,
  };
  const files = [...(await lauFiles(plan)).map((f) => f.file), ...(plan.hromadas ? [plan.hromadas] : [])];
  let rowsTotal = 0;
  for (const file of files) rowsTotal += Math.max(0, (await countLines(file)) - 1);
  return { plan, files, rowsTotal };
}

/** The file's name as shown to coordinators: never a path of the server. */
export const fileLabel = (file: string): string => basename(file);

async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 10) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  // A last line without a newline is a line too.
  return last === 10 ? lines : lines + 1;
}
