import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eurostatCountryCode, type EuCountryCode } from '@bridges/contracts/vocabulary';

/**
 * The project's `data/` folder (the demo seed shipped with the repository), found by walking up
 * from this file so it resolves the same from `src/` under ts-node/jest and from `dist/` after a build.
 */
export function findProjectDataDir(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'data', 'kse-loc-data-hub');
    if (existsSync(candidate)) return join(dir, 'data');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No data/kse-loc-data-hub folder above ${start}`);
    dir = parent;
  }
}

/** Default file and folder locations inside `data/`, relative to it. */
export const DATA_FILES = {
  hromadaCsv: join('kse-loc-data-hub', 'full_dataset.csv'),
  lauDir: 'edjnet-lau-2020',
  strategiesDir: 'hromada-strategy-collab',
} as const;

/** `data/kse-loc-data-hub/full_dataset.csv` of this project. */
export const defaultHromadaCsvPath = (): string => join(findProjectDataDir(), DATA_FILES.hromadaCsv);

/** `data/edjnet-lau-2020/<CC>.csv` of this project (`<CC>` in Eurostat spelling: Greece is `EL`). */
export const defaultLauCsvPath = (country: EuCountryCode): string =>
  join(findProjectDataDir(), DATA_FILES.lauDir, `${eurostatCountryCode(country)}.csv`);

/** `data/edjnet-lau-2020` of this project. */
export const defaultLauDir = (): string => join(findProjectDataDir(), DATA_FILES.lauDir);

/** `data/hromada-strategy-collab` of this project. */
export const defaultStrategiesDir = (): string => join(findProjectDataDir(), DATA_FILES.strategiesDir);
