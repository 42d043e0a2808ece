import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_LANGUAGES_BY_COUNTRY,
  classifyEuSettlementType,
  countryFromEurostat,
  eurostatCountryCode,
  isEuCountryCode,
  type EuCountryCode,
} from '@bridges/contracts/vocabulary';
import { transliterateBulgarian } from '../municipalities/transliteration/bulgarian-transliteration';
import { isCsvRow, readCsvRows, type CsvSource } from './csv-row.reader';
import { defaultLauCsvPath, defaultLauDir } from './import-paths.constants';
import { parseCount, parseDecimal, parseText, rowReasons } from './import-value.parsers';
import type { MunicipalityImportRecord, ParsedRow } from './municipality-import.types';
import { nutsRegionName, type NutsRegionNames } from './nuts-region-names.loader';

/** Columns of an EDJNet `lau_centres` LAU 2020 CSV the parser needs (names as in the file). */
export const LAU_REQUIRED_COLUMNS = [
  'gisco_id',
  'longitude',
  'latitude',
  'country',
  'nuts_2',
  'nuts_3',
  'lau_id',
  'lau_name',
  'population',
  'area_km2',
  'year',
] as const;

/** NUTS 2021 codes: country prefix plus 2 (NUTS 2) or 3 (NUTS 3) alphanumerics. */
const NUTS2 = /^[A-Z]{2}[0-9A-Z]{2}$/;
const NUTS3 = /^[A-Z]{2}[0-9A-Z]{3}$/;

/** Greek (Greece, Cyprus) and Cyrillic (Bulgaria) names have no Latin form in the data. */
const GREEK_SCRIPT = /[\u0370-\u03ff\u1f00-\u1fff]/;
const CYRILLIC_SCRIPT = /[\u0400-\u04ff]/;

/**
 * The Latin name of a LAU: the name itself when it is in Latin script; Bulgarian Cyrillic by the
 * official Streamlined System; undefined for Greek (no Latin form in the data, no romaniser here yet).
 */
function latinNameOf(name: string): string | undefined {
  if (GREEK_SCRIPT.test(name)) return undefined;
  if (CYRILLIC_SCRIPT.test(name)) return transliterateBulgarian(name);
  return name;
}

/**
 * Parses EU local administrative units from a CSV in the format of EDJNet `lau_centres` (LAU 2020,
 * NUTS 2021, one file per country), streaming, one {@link ParsedRow} per data row. The settlement
 * type is derived from population and area (see `classifyEuSettlementType`). Rows of another
 * country, with a GISCO id that does not match `<country>_<lau_id>`, missing/non-numeric population
 * or area, out-of-range coordinates, or a duplicate GISCO id are rejected with the reason.
 *
 * Codes inside the file use Eurostat's spelling (Greece `EL`); the record's `country` is ISO (`GR`).
 *
 * @param country the member state the file belongs to (ISO code, e.g. `EE`, `GR`).
 * @param source file path or stream; defaults to the project's `data/edjnet-lau-2020/<CC>.csv`
 *   (`<CC>` in Eurostat spelling, so Greece is `EL.csv`).
 * @param regionNames NUTS names (`loadNutsRegionNames`): the file carries only codes. Without them the
 *   region has no name here.
 */
export async function* parseLauCsv(
  country: EuCountryCode,
  source: CsvSource = defaultLauCsvPath(country),
  regionNames?: NutsRegionNames,
): AsyncGenerator<ParsedRow> {
  if (!isEuCountryCode(country)) throw new RangeError(`'${String(country)}' is not an EU country code`);
  const code = eurostatCountryCode(country);
  const firstRowById = new Map<string, number>();

  for await (const item of readCsvRows(source, LAU_REQUIRED_COLUMNS)) {
    if (!isCsvRow(item)) {
      yield { kind: 'rejected', rejected: item };
      continue;
    }
    const { rowNumber, values } = item;
    const { reasons, take } = rowReasons();

    const rowCountry = take(parseText('country', values.country));
    if (rowCountry !== undefined && rowCountry !== code)
      reasons.push(`country '${rowCountry}' is not ${code}`);
    const lauId = take(parseText('lau_id', values.lau_id));
    const giscoId = take(parseText('gisco_id', values.gisco_id));
    if (giscoId !== undefined && lauId !== undefined && giscoId !== `${code}_${lauId}`) {
      reasons.push(`gisco_id '${giscoId}' does not match ${code}_${lauId}`);
    }
    const name = take(parseText('lau_name', values.lau_name));
    const nuts2 = take(parseText('nuts_2', values.nuts_2));
    if (nuts2 !== undefined && !(NUTS2.test(nuts2) && nuts2.startsWith(code)))
      reasons.push(`nuts_2 '${nuts2}' is not a ${code} NUTS 2 code`);
    const nuts3 = take(parseText('nuts_3', values.nuts_3));
    if (nuts3 !== undefined && !(NUTS3.test(nuts3) && nuts3.startsWith(code)))
      reasons.push(`nuts_3 '${nuts3}' is not a ${code} NUTS 3 code`);
    const latitude = take(parseDecimal('latitude', values.latitude, -90, 90));
    const longitude = take(parseDecimal('longitude', values.longitude, -180, 180));
    const population = take(parseCount('population', values.population));
    const areaKm2 = take(parseDecimal('area_km2', values.area_km2, 0, 100_000));
    if (areaKm2 === 0) reasons.push('area_km2 0 is not a valid area');
    const year = take(parseCount('year', values.year));
    if (year !== undefined && (year < 1990 || year > 2100))
      reasons.push(`year ${year} is not a plausible reference year`);

    if (giscoId !== undefined) {
      const firstRow = firstRowById.get(giscoId);
      if (firstRow !== undefined) reasons.push(`duplicate gisco_id ${giscoId} (first at row ${firstRow})`);
      else firstRowById.set(giscoId, rowNumber);
    }

    const settlementType =
      population === undefined || areaKm2 === undefined
        ? undefined
        : classifyEuSettlementType(population, areaKm2);
    if (
      reasons.length > 0 ||
      giscoId === undefined ||
      name === undefined ||
      nuts2 === undefined ||
      nuts3 === undefined ||
      latitude === undefined ||
      longitude === undefined ||
      population === undefined ||
      areaKm2 === undefined ||
      year === undefined ||
      settlementType === undefined
    ) {
      yield { kind: 'rejected', rejected: { rowNumber, reason: reasons.join('; ') } };
      continue;
    }

    const regionName = regionNames && nutsRegionName(regionNames, nuts3, nuts2);
    const record: MunicipalityImportRecord = {
      country,
      officialCode: giscoId,
      nameNative: name,
      nameLatin: latinNameOf(name),
      region: {
        code: nuts3,
        level: 'nuts3',
        parentCode: nuts2,
        ...(regionName !== undefined ? { nameNative: regionName } : {}),
      },
      settlementType,
      population,
      populationYear: year,
      areaKm2,
      latitude,
      longitude,
      workingLanguages: DEFAULT_LANGUAGES_BY_COUNTRY[country] ?? [],
      source: { dataset: 'edjnet-lau-2020', rowNumber },
    };
    yield { kind: 'accepted', record };
  }
}

/** The EU countries (ISO codes) that have a `<CC>.csv` file (Eurostat spelling) in `dir`, sorted. */
export async function listLauCountries(dir: string = defaultLauDir()): Promise<EuCountryCode[]> {
  const files = await readdir(dir);
  return files
    .map((file) => /^([A-Z]{2})\.csv$/.exec(file)?.[1])
    .map((code) => (code === undefined ? undefined : countryFromEurostat(code)))
    .filter((country): country is EuCountryCode => country !== undefined)
    .sort();
}

/**
 * Parses every `<CC>.csv` of a folder in the EDJNet layout (or only `countries`), one country after
 * the other, streaming. Rows carry their country so rejections can be reported per file.
 *
 * @param dir defaults to the project's `data/edjnet-lau-2020` (five countries); pass
 *   `../shared/data/edjnet-lau-2020` for all 26.
 * @param regionNames as for {@link parseLauCsv}.
 */
export async function* parseLauDirectory(
  dir: string = defaultLauDir(),
  countries?: readonly EuCountryCode[],
  regionNames?: NutsRegionNames,
): AsyncGenerator<ParsedRow & { readonly country: EuCountryCode }> {
  for (const country of countries ?? (await listLauCountries(dir))) {
    const file = join(dir, `${eurostatCountryCode(country)}.csv`);
    for await (const row of parseLauCsv(country, file, regionNames)) yield { ...row, country };
  }
}
