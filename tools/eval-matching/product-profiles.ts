/**
 * Builds both sides' scorer profiles from data/ exactly the way the product does: the registry import's
 * parsers, indicator loader and mapping (import → ProfileState → MunicipalityProfileV1 snapshot), then
 * matching's projection (snapshot → projection row → scorer profile). No shortcut: what this evaluates is
 * what a coordinator gets after `npm start`'s import.
 */
import { join } from 'node:path';
import {
  collectParsedRows,
  findProjectDataDir,
  listLauCountries,
  loadHromadaStrategies,
  parseHromadaCsv,
  parseLauCsv,
  type MunicipalityImportRecord,
} from '../../apps/registry/src/import';
import {
  profileFromRecord,
  type StrategyFacts,
} from '../../apps/registry/src/import/municipality-import.mapping';
import {
  euIndicators,
  loadEuIndicatorTables,
  loadHromadaIndicators,
} from '../../apps/registry/src/import/socio-economic-indicators.loader';
import { toProfileSnapshot } from '../../apps/registry/src/municipalities/municipality-profile.rules';
import type { MunicipalityProjectionEntity } from '../../apps/matching/src/projection/municipality-projection.entity';
import {
  toEuProfile,
  toHromadaProfile,
  toProjectionRow,
} from '../../apps/matching/src/projection/profile.mapper';
import type {
  EuMunicipalityProfile,
  HromadaProfile,
} from '../../apps/matching/src/scoring/candidate-profile';
import { eurostatCountryCode } from '@bridges/contracts/vocabulary';

/** Capacity an EU municipality gets when it states none (matching's MATCHING_DEFAULT_EU_CAPACITY default). */
const DEFAULT_EU_CAPACITY = 1;

export interface ProductProfiles {
  readonly hromadas: HromadaProfile[];
  readonly eu: EuMunicipalityProfile[];
  /** Import records by id (names and coordinates, to join the calibration pairs). */
  readonly hromadaRecords: Map<string, MunicipalityImportRecord>;
  readonly euRecords: Map<string, MunicipalityImportRecord>;
  readonly strategyHromadas: number;
}

/** Snapshot → projection row, as matching's projection consumer stores it. */
function projected(record: MunicipalityImportRecord, facts: StrategyFacts): MunicipalityProjectionEntity {
  // The import's id is a UUID; the official code stands in so results read without a lookup table.
  const state = profileFromRecord(record, record.officialCode, facts);
  const row = toProjectionRow(toProfileSnapshot(state));
  return { ...row, poolSeq: '0', updatedAt: new Date(0) };
}

export async function loadProductProfiles(log: (line: string) => void): Promise<ProductProfiles> {
  const dataDir = findProjectDataDir();
  log('loading strategies and indicators …');
  const { strategies, partners } = await loadHromadaStrategies(join(dataDir, 'hromada-strategy-collab'));
  const facts = new Map<
    string,
    { strategy?: (typeof strategies)[number]; partners?: (typeof partners)[number] }
  >();
  for (const s of strategies) facts.set(s.katottg, { ...facts.get(s.katottg), strategy: s });
  for (const p of partners) facts.set(p.katottg, { ...facts.get(p.katottg), partners: p });
  const hromadaIndicators = await loadHromadaIndicators(dataDir);
  const tables = await loadEuIndicatorTables(dataDir);

  const hromadaRecords = new Map<string, MunicipalityImportRecord>();
  const hromadas: HromadaProfile[] = [];
  const { accepted } = await collectParsedRows(
    parseHromadaCsv(join(dataDir, 'kse-loc-data-hub', 'full_dataset.csv')),
  );
  for (const r of accepted) {
    hromadaRecords.set(r.officialCode, r);
    const row = projected(r, {
      ...facts.get(r.officialCode),
      indicators: hromadaIndicators.get(r.officialCode),
    });
    const profile = toHromadaProfile(row);
    if (profile) hromadas.push(profile);
  }
  log(`hromadas: ${hromadas.length} (${strategies.length} with strategies)`);

  const euRecords = new Map<string, MunicipalityImportRecord>();
  const eu: EuMunicipalityProfile[] = [];
  const lauDir = join(dataDir, 'edjnet-lau-2020');
  for (const country of await listLauCountries(lauDir)) {
    const file = join(lauDir, `${eurostatCountryCode(country)}.csv`);
    const { accepted: laus } = await collectParsedRows(parseLauCsv(country, file));
    const indicators = euIndicators(laus, tables);
    for (const r of laus) {
      euRecords.set(r.officialCode, r);
      const profile = toEuProfile(
        projected(r, { indicators: indicators.get(r.officialCode) }),
        DEFAULT_EU_CAPACITY,
      );
      if (profile) eu.push(profile);
    }
    log(`EU ${country}: ${laus.length} LAUs (total ${eu.length})`);
  }
  return { hromadas, eu, hromadaRecords, euRecords, strategyHromadas: strategies.length };
}
