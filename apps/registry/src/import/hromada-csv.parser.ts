import { DEFAULT_LANGUAGES_BY_COUNTRY, settlementTypeFromUkrainian } from '@bridges/contracts/vocabulary';
import { transliterateUkrainian } from '../municipalities/transliteration/ukrainian-transliteration';
import { isCsvRow, readCsvRows, type CsvSource } from './csv-row.reader';
import { defaultHromadaCsvPath } from './import-paths.constants';
import {
  parseCount,
  parseDecimal,
  parseOptionalDecimal,
  parseOptionalFlag,
  parseText,
  rowReasons,
} from './import-value.parsers';
import type { ImportWarImpact, MunicipalityImportRecord, ParsedRow } from './municipality-import.types';

/** Columns of the KSE Loc Data Hub `full_dataset.csv` the parser needs (names as in the file). */
export const HROMADA_REQUIRED_COLUMNS = [
  'hromada_code',
  'hromada_name',
  'hromada_full_name',
  'type',
  'oblast_code',
  'oblast_name',
  'lat_center',
  'lon_center',
  'total_popultaion_2022',
  'square',
  'occipied_before_2022',
] as const;

/** Minregion war-zone list snapshots; used when present (see ImportWarImpact.listedInWarZone2022). */
const WAR_ZONE_COLUMNS = [
  'war_zone_27_04_2022',
  'war_zone_20_06_2022',
  'war_zone_23_08_2022',
  'war_zone_10_10_2022',
];

/** KATOTTG code of a hromada or oblast: `UA` and 17 digits. */
const KATOTTG = /^UA\d{17}$/;

/** Mainland Ukraine with a margin; a centre outside it is a swapped or mistyped coordinate. */
const UKRAINE_BOUNDS = { minLat: 44, maxLat: 53, minLon: 22, maxLon: 41 } as const;

/** Population in the KSE file is as of 1 January 2022. */
const POPULATION_YEAR = 2022;

/**
 * Parses Ukrainian hromadas from a CSV in the format of KSE Loc Data Hub `full_dataset.csv`,
 * streaming, one {@link ParsedRow} per data row: a normalised record, or a rejection with the row
 * number and every reason (missing/invalid code, type, population, coordinates, duplicate code).
 * Never throws for a bad row; throws CsvHeaderError only when required columns are absent.
 *
 * @param source file path or stream; defaults to the project's `data/kse-loc-data-hub/full_dataset.csv`.
 */
export async function* parseHromadaCsv(
  source: CsvSource = defaultHromadaCsvPath(),
): AsyncGenerator<ParsedRow> {
  const firstRowByCode = new Map<string, number>();

  for await (const item of readCsvRows(source, HROMADA_REQUIRED_COLUMNS)) {
    if (!isCsvRow(item)) {
      yield { kind: 'rejected', rejected: item };
      continue;
    }
    const { rowNumber, values } = item;
    const { reasons, take } = rowReasons();

    const code = take(parseText('hromada_code', values.hromada_code));
    if (code !== undefined && !KATOTTG.test(code))
      reasons.push(`hromada_code '${code}' is not a KATOTTG code (UA + 17 digits)`);
    const shortName = take(parseText('hromada_name', values.hromada_name));
    const fullName = take(parseText('hromada_full_name', values.hromada_full_name));
    const typeText = take(parseText('type', values.type));
    const settlementType = typeText === undefined ? undefined : settlementTypeFromUkrainian(typeText);
    if (typeText !== undefined && settlementType === undefined) {
      reasons.push(`type '${typeText}' is not міська, селищна or сільська`);
    }
    const oblastCode = take(parseText('oblast_code', values.oblast_code));
    if (oblastCode !== undefined && !KATOTTG.test(oblastCode))
      reasons.push(`oblast_code '${oblastCode}' is not a KATOTTG code`);
    const oblastName = take(parseText('oblast_name', values.oblast_name));
    const latitude = take(
      parseDecimal('lat_center', values.lat_center, UKRAINE_BOUNDS.minLat, UKRAINE_BOUNDS.maxLat),
    );
    const longitude = take(
      parseDecimal('lon_center', values.lon_center, UKRAINE_BOUNDS.minLon, UKRAINE_BOUNDS.maxLon),
    );
    const population = take(parseCount('total_popultaion_2022', values.total_popultaion_2022));
    const areaResult = parseOptionalDecimal('square', values.square, 0, 100_000);
    const areaKm2 = take(areaResult);
    if (areaResult.ok && areaKm2 === 0) reasons.push('square 0 is not a valid area');
    const formerlyOccupied = take(parseOptionalFlag('occipied_before_2022', values.occipied_before_2022));
    const warZoneFlags = WAR_ZONE_COLUMNS.filter((column) => column in values).map((column) =>
      take(parseOptionalFlag(column, values[column])),
    );

    if (code !== undefined && KATOTTG.test(code)) {
      const firstRow = firstRowByCode.get(code);
      if (firstRow !== undefined) reasons.push(`duplicate hromada_code ${code} (first at row ${firstRow})`);
      else firstRowByCode.set(code, rowNumber);
    }

    if (
      reasons.length > 0 ||
      code === undefined ||
      shortName === undefined ||
      fullName === undefined ||
      settlementType === undefined ||
      oblastCode === undefined ||
      oblastName === undefined ||
      latitude === undefined ||
      longitude === undefined ||
      population === undefined
    ) {
      yield { kind: 'rejected', rejected: { rowNumber, reason: reasons.join('; ') } };
      continue;
    }

    const oblastFullName = `${oblastName} область`;
    const record: MunicipalityImportRecord = {
      country: 'UA',
      officialCode: code,
      nameNative: fullName,
      nameLatin: transliterateUkrainian(fullName),
      shortNameNative: shortName,
      shortNameLatin: transliterateUkrainian(shortName),
      region: {
        code: oblastCode,
        level: 'oblast',
        nameNative: oblastFullName,
        nameLatin: transliterateUkrainian(oblastFullName),
      },
      settlementType,
      population,
      populationYear: POPULATION_YEAR,
      areaKm2,
      latitude,
      longitude,
      workingLanguages: DEFAULT_LANGUAGES_BY_COUNTRY.UA ?? ['uk'],
      warImpact: warImpactOf(formerlyOccupied, warZoneFlags),
      source: { dataset: 'kse-loc-data-hub', rowNumber },
    };
    yield { kind: 'accepted', record };
  }
}

function warImpactOf(
  formerlyOccupied: boolean | undefined,
  warZoneFlags: ReadonlyArray<boolean | undefined>,
): ImportWarImpact {
  const known = warZoneFlags.filter((flag): flag is boolean => flag !== undefined);
  return {
    formerlyOccupied,
    // Unknown unless at least one snapshot says something; true if any snapshot lists it.
    listedInWarZone2022: known.length === 0 ? undefined : known.some(Boolean),
  };
}
