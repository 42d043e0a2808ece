import { join } from 'node:path';
import { isCsvRow, readCsvRows } from './csv-row.reader';
import { findProjectDataDir } from './import-paths.constants';

/** Files under `data/`, relative to it (see data/eurostat-nuts-typologies/SOURCE.md). */
export const NUTS_NAME_FILES = {
  /** NUTS 2024 names of every level 1–3 region (Eurostat / GISCO). */
  nuts2024: join('eurostat-nuts-typologies', 'nuts_names.csv'),
  /** Names of the NUTS 2021 codes the LAU files use that NUTS 2024 retired (Eurostat NUTS 2021). */
  nuts2021Retired: join('eurostat-nuts-typologies', 'nuts2021_retired_names.csv'),
} as const;

/** NUTS region names by code, in the region's own language (Eurostat's `NUTS_NAME`). */
export type NutsRegionNames = ReadonlyMap<string, string>;

/** Loads the NUTS region names shipped in `dataDir` (a retired 2021 code's name is kept as it was). */
export async function loadNutsRegionNames(dataDir: string = findProjectDataDir()): Promise<NutsRegionNames> {
  const names = new Map<string, string>();
  for (const file of [NUTS_NAME_FILES.nuts2024, NUTS_NAME_FILES.nuts2021Retired]) {
    for await (const row of readCsvRows(join(dataDir, file), ['NUTS_ID', 'NUTS_NAME'])) {
      // Eurostat's names carry the odd trailing space ("Vidurio ir vakarų Lietuvos regionas ").
      const name = isCsvRow(row) ? row.values.NUTS_NAME?.trim() : undefined;
      if (isCsvRow(row) && name) names.set(row.values.NUTS_ID, name);
    }
  }
  return names;
}

/**
 * The name of the smallest region that contains a municipality: its NUTS 3 region, or — for a NUTS 3
 * code the tables do not name (changed since NUTS 2021) — the NUTS 2, then NUTS 1 region around it.
 * Undefined when none is named: the caller keeps the code rather than invent a name.
 */
export function nutsRegionName(
  names: NutsRegionNames,
  nuts3: string,
  nuts2: string = nuts3.slice(0, 4),
): string | undefined {
  return names.get(nuts3) ?? names.get(nuts2) ?? names.get(nuts3.slice(0, 3));
}
