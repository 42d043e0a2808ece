import { join } from 'node:path';
import type { IndicatorsV1, UrbanisationClass } from '@bridges/contracts';
import { isCsvRow, readCsvRows } from './csv-row.reader';
import { findProjectDataDir } from './import-paths.constants';
import type { MunicipalityImportRecord } from './municipality-import.types';

/**
 * Socio-economic indicators for both sides, from official statistics shipped in `data/` (see each
 * folder's SOURCE.md). A value the source does not give stays absent: unknown, never 0 or false.
 * How each concept is made comparable between the two sides is in docs/matching.md, "Indicators".
 */
export type MunicipalityIndicators = IndicatorsV1;

/** Files under `data/`, relative to it. */
export const INDICATOR_FILES = {
  lauDegurba: join('eurostat-lau-degurba', 'lau2020_degurba.csv'),
  nuts3Typologies: join('eurostat-nuts-typologies', 'nuts3_typologies.csv'),
  nuts3Gdp: join('eurostat-nuts3-gdp', 'nuts3_gdp_2019.csv'),
  hromadaEconomics: join('kse-loc-data-hub-economics', 'economics_indicators.csv'),
  hromadaFull: join('kse-loc-data-hub', 'full_dataset.csv'),
} as const;

/** DEGURBA's population thresholds: a city's urban centre has ≥ 50,000, a town's cluster ≥ 5,000. */
export const DEGURBA_THRESHOLDS = { cityMinPopulation: 50_000, townMinPopulation: 5_000, minShare: 0.5 };

/** Functional urban areas at or above this population make their LAUs metropolitan. */
export const METROPOLITAN_FUA_MIN_POPULATION = 250_000;

const DEGURBA_CLASS: Readonly<Record<string, UrbanisationClass>> = {
  '1': 'city',
  '2': 'town-suburb',
  '3': 'rural',
};

/** Per-LAU and per-NUTS 3 facts for EU municipalities. */
export interface EuIndicatorTables {
  readonly byLau: ReadonlyMap<
    string,
    { urbanisation?: UrbanisationClass; coastal?: boolean; fuaId?: string }
  >;
  readonly byNuts3: ReadonlyMap<string, { mountain?: boolean; gdpPpsIndex?: number }>;
}

async function readRows(file: string, columns: readonly string[]): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const item of readCsvRows(file, columns)) if (isCsvRow(item)) rows.push({ ...item.values });
  return rows;
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/,/g, '');
  if (text === '' || text === 'NA') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Loads the EU tables (Eurostat DEGURBA/coast/FUA per LAU, mountain typology and GDP per NUTS 3). */
export async function loadEuIndicatorTables(
  dataDir: string = findProjectDataDir(),
): Promise<EuIndicatorTables> {
  const byLau = new Map<string, { urbanisation?: UrbanisationClass; coastal?: boolean; fuaId?: string }>();
  for (const r of await readRows(join(dataDir, INDICATOR_FILES.lauDegurba), ['gisco_id', 'degurba'])) {
    byLau.set(r.gisco_id, {
      urbanisation: DEGURBA_CLASS[r.degurba],
      coastal: r.coastal_area === 'yes' ? true : r.coastal_area === 'no' ? false : undefined,
      fuaId: r.fua_id ? r.fua_id : undefined,
    });
  }
  const byNuts3 = new Map<string, { mountain?: boolean; gdpPpsIndex?: number }>();
  // The typology classifies every NUTS 3 region: an empty MOUNT_TYPE of a listed region means "not mountain".
  for (const r of await readRows(join(dataDir, INDICATOR_FILES.nuts3Typologies), ['NUTS_ID', 'MOUNT_TYPE']))
    byNuts3.set(r.NUTS_ID, { mountain: r.MOUNT_TYPE === '1' });
  for (const r of await readRows(join(dataDir, INDICATOR_FILES.nuts3Gdp), ['nuts3'])) {
    const gdp = numberOrUndefined(r.gdp_pps_per_inhabitant_index_eu27_100);
    if (gdp !== undefined) byNuts3.set(r.nuts3, { ...byNuts3.get(r.nuts3), gdpPpsIndex: gdp });
  }
  return { byLau, byNuts3 };
}

/**
 * Percentile (0–100, mid-rank for ties) of each defined value among the defined values of `values`;
 * undefined stays undefined.
 */
export function percentiles(values: readonly (number | undefined)[]): (number | undefined)[] {
  const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return values.map(() => undefined);
  const rankOf = (v: number): number => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < known.length && known[end] === v) end++;
    return (lo + end - 1) / 2; // mid-rank of the ties
  };
  return values.map((v) =>
    v === undefined ? undefined : known.length === 1 ? 50 : (100 * rankOf(v)) / (known.length - 1),
  );
}

/**
 * Indicators of the LAUs of one country's file (records of one country): FUA populations and
 * prosperity percentiles are computed over these records, so pass a whole country at once.
 */
export function euIndicators(
  records: readonly MunicipalityImportRecord[],
  tables: EuIndicatorTables,
): Map<string, MunicipalityIndicators> {
  const fuaPopulation = new Map<string, number>();
  for (const r of records) {
    const fua = tables.byLau.get(r.officialCode)?.fuaId;
    if (fua) fuaPopulation.set(fua, (fuaPopulation.get(fua) ?? 0) + r.population);
  }
  const gdp = records.map((r) => tables.byNuts3.get(r.region.code)?.gdpPpsIndex);
  const prosperity = percentiles(gdp);
  const out = new Map<string, MunicipalityIndicators>();
  records.forEach((r, i) => {
    const lau = tables.byLau.get(r.officialCode);
    const nuts = tables.byNuts3.get(r.region.code);
    const fuaId = lau?.fuaId;
    const indicators: MunicipalityIndicators = {
      urbanisation: lau?.urbanisation,
      coastal: lau?.coastal,
      mountain: nuts?.mountain,
      functionalUrbanAreaId: fuaId,
      functionalUrbanAreaPopulation: fuaId ? fuaPopulation.get(fuaId) : undefined,
      regionalGdpPpsIndex: gdp[i],
      prosperityPercentile: roundTo(prosperity[i], 1),
    };
    out.set(r.officialCode, withoutUnknown(indicators));
  });
  return out;
}

/**
 * The degree of urbanisation of a hromada by DEGURBA's rule, with the population of its legal urban
 * settlements (міста, селища) standing for the urban clusters DEGURBA finds on a population grid:
 * `city` when ≥ 50,000 live in them and they hold ≥ 50 % of the hromada, `town-suburb` when ≥ 5,000 and
 * ≥ 50 %, otherwise `rural`.
 */
export function hromadaUrbanisation(urbanPopulation: number, totalPopulation: number): UrbanisationClass {
  const t = DEGURBA_THRESHOLDS;
  const share = totalPopulation > 0 ? urbanPopulation / totalPopulation : 0;
  if (share < t.minShare) return 'rural';
  if (urbanPopulation >= t.cityMinPopulation) return 'city';
  return urbanPopulation >= t.townMinPopulation ? 'town-suburb' : 'rural';
}

/**
 * Indicators of every hromada by KATOTTG, from the KSE full data set and its economics table. The full
 * data set is the one in `dataDir` unless the import names another (`hromadaCsv`): the percentiles are
 * computed over the hromadas actually imported.
 */
export async function loadHromadaIndicators(
  dataDir: string = findProjectDataDir(),
  hromadaCsv: string = join(dataDir, INDICATOR_FILES.hromadaFull),
): Promise<Map<string, MunicipalityIndicators>> {
  const economics = new Map<string, Record<string, string>>();
  for (const r of await readRows(join(dataDir, INDICATOR_FILES.hromadaEconomics), ['hromada_code']))
    economics.set(r.hromada_code, r);
  const rows = await readRows(hromadaCsv, [
    'hromada_code',
    'total_popultaion_2022',
    'urban_popultaion_2022.x',
    'mountain_hromada',
    'near_seas',
  ]);
  const income = rows.map((r) => numberOrUndefined(economics.get(r.hromada_code)?.income_tax_uahpp));
  const prosperity = percentiles(income);
  const out = new Map<string, MunicipalityIndicators>();
  rows.forEach((r, i) => {
    const e = economics.get(r.hromada_code);
    const total = numberOrUndefined(r.total_popultaion_2022);
    const urban = numberOrUndefined(r['urban_popultaion_2022.x']);
    out.set(
      r.hromada_code,
      withoutUnknown({
        urbanisation:
          total !== undefined && urban !== undefined ? hromadaUrbanisation(urban, total) : undefined,
        // Both columns list the hromadas on an official list (mountain settlements, sea coast): 1 on the
        // list, NA off it — every hromada is one or the other, so NA is a known "no" here.
        coastal: r.near_seas === '1',
        mountain: r.mountain_hromada === '1',
        prosperityPercentile: roundTo(prosperity[i], 1),
        incomeTaxPerCapitaUah: roundTo(income[i], 2),
        landPaymentPerCapitaUah: roundTo(numberOrUndefined(e?.land_tax_uahpp_2021), 2),
        singleTaxPerCapitaUah: roundTo(numberOrUndefined(e?.flat_tax_uahpp_2021), 2),
        taxCapacityIndex: roundTo(numberOrUndefined(e?.tax_capacity_index_2021), 4),
      }),
    );
  });
  return out;
}

function roundTo(value: number | undefined, digits: number): number | undefined {
  if (value === undefined) return undefined;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The indicators without absent fields, so an unknown value never travels as `undefined`/null. */
function withoutUnknown(i: MunicipalityIndicators): MunicipalityIndicators {
  return Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined));
}
