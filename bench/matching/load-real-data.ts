/**
 * Loads the real data for the matching benchmark: 1,469 Ukrainian hromadas (KSE Loc Data Hub) and
 * 60,249 EU LAUs (EDJNet, Eurostat/GISCO). Neither source has needs, offers, priorities, working
 * languages, partners or capacity: those are SYNTHESISED here with a seeded PRNG, deterministically,
 * so that the scorer has something realistic to chew on. Bench-only; the registry has its own importer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SECTOR_IDS } from '@bridges/contracts/vocabulary';
import { seededRandom } from '@bridges/testing/seeded-random';
import { findProjectDataDir } from '../../apps/registry/src/import/import-paths.constants';
import type {
  EuMunicipalityProfile,
  HromadaProfile,
} from '../../apps/matching/src/scoring/candidate-profile';
import {
  deriveSettlementType,
  settlementTypeFromHromadaType,
} from '../../apps/matching/src/scoring/settlement-type';

/**
 * The data folder: `BENCH_DATA_DIR` when set, else the repository's own `data/`, so the figures reproduce
 * from a clone.
 */
export const DATA_DIR = process.env.BENCH_DATA_DIR ?? findProjectDataDir();

/** Sector ids for the synthetic needs and offers: the product's own vocabulary (libs/contracts). */
export const SECTORS: readonly string[] = SECTOR_IDS;

const PRIORITIES = [
  'economic-development',
  'infrastructure',
  'human-capital',
  'environment',
  'tourism',
  'social-cohesion',
  'digitalisation',
  'safety',
  'agriculture',
  'culture',
];

const NATIONAL_LANGUAGE: Record<string, string> = {
  AT: 'de',
  BE: 'nl',
  BG: 'bg',
  CY: 'el',
  CZ: 'cs',
  DE: 'de',
  DK: 'da',
  EE: 'et',
  EL: 'el',
  ES: 'es',
  FI: 'fi',
  HR: 'hr',
  HU: 'hu',
  IE: 'en',
  IT: 'it',
  LT: 'lt',
  LU: 'fr',
  LV: 'lv',
  MT: 'mt',
  NL: 'nl',
  PL: 'pl',
  PT: 'pt',
  RO: 'ro',
  SE: 'sv',
  SI: 'sl',
  SK: 'sk',
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick(rnd: () => number, from: readonly string[], min: number, max: number): string[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const pool = [...from];
  const out: string[] = [];
  for (let i = 0; i < n && pool.length; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out;
}

function num(v: string | undefined): number | null {
  if (v === undefined || v === '' || v === 'NA') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

const WEST = new Set([
  'Lviv',
  'Volyn',
  'Zakarpattia',
  'Ivano-Frankivsk',
  'Ternopil',
  'Rivne',
  'Khmelnytskyi',
  'Chernivtsi',
]);

/** All 1,469 hromadas; real: id, oblast, type, population, area, centre, war-zone flags; synthetic: the rest. */
export function loadHromadas(): HromadaProfile[] {
  const rows = parse<Record<string, string>>(
    readFileSync(join(DATA_DIR, 'kse-loc-data-hub/full_dataset.csv')),
    { columns: true },
  );
  return rows.map((r) => {
    const rnd = seededRandom(hash(r.hromada_code));
    const oblast = r.oblast_name_en;
    // War-zone flags are real (KSE): in a war zone at any of four 2022 dates = damaged (proxy);
    // in the war zone in April 2022 but not in October 2022 = formerly occupied (liberated) (proxy).
    const wz = [
      'war_zone_27_04_2022',
      'war_zone_20_06_2022',
      'war_zone_23_08_2022',
      'war_zone_10_10_2022',
    ].map((c) => r[c] === '1');
    const languages = ['uk'];
    if (rnd() < (r.type === 'міська' ? 0.7 : 0.35)) languages.push('en');
    if (WEST.has(oblast) && rnd() < 0.3) languages.push('pl');
    if (rnd() < 0.05) languages.push('de');
    return {
      id: r.hromada_code,
      oblast,
      population: num(r.total_popultaion_2022) ?? 0,
      areaKm2: num(r.square),
      settlementType: settlementTypeFromHromadaType(r.type),
      lat: num(r.lat_center) ?? 0,
      lon: num(r.lon_center) ?? 0,
      needs: pick(rnd, SECTORS, 2, 5),
      priorities: pick(rnd, PRIORITIES, 2, 4),
      languages,
      hasInternationalPartner: rnd() < 0.2,
      warImpact: {
        hostsDisplaced: rnd() < (WEST.has(oblast) ? 0.7 : 0.4),
        damaged: wz.some(Boolean),
        formerlyOccupied: wz[0] && !wz[3],
      },
    };
  });
}

/** EU LAUs, optionally only some countries; real: id, country, population, area, centre; synthetic: the rest. */
export function loadEuMunicipalities(countries?: readonly string[]): EuMunicipalityProfile[] {
  const dir = join(DATA_DIR, 'edjnet-lau-2020');
  const files = readdirSync(dir).filter(
    (f) => /^[A-Z]{2}\.csv$/.test(f) && (!countries || countries.includes(f.slice(0, 2))),
  );
  const out: EuMunicipalityProfile[] = [];
  for (const f of files.sort()) {
    const rows = parse<Record<string, string>>(readFileSync(join(dir, f)), { columns: true });
    for (const r of rows) {
      const rnd = seededRandom(hash(r.gisco_id));
      const population = num(r.population) ?? 0;
      const areaKm2 = num(r.area_km2);
      const languages = [NATIONAL_LANGUAGE[r.country] ?? 'en'];
      if (rnd() < 0.6 && !languages.includes('en')) languages.push('en');
      if (['EE', 'LV', 'LT'].includes(r.country) && rnd() < 0.3) languages.push('ru');
      if (['PL', 'SK', 'CZ'].includes(r.country) && rnd() < 0.08) languages.push('uk');
      if (rnd() < 0.1 && !languages.includes('de')) languages.push('de');
      out.push({
        id: r.gisco_id,
        country: r.country,
        population,
        areaKm2,
        settlementType: deriveSettlementType(population, areaKm2),
        lat: num(r.latitude) ?? 0,
        lon: num(r.longitude) ?? 0,
        offers: pick(rnd, SECTORS, 1, 6),
        priorities: pick(rnd, PRIORITIES, 1, 4),
        languages,
        capacity: 1 + Math.floor(rnd() * rnd() * 3),
        existingPartnershipCount: rnd() < 0.15 ? 1 + Math.floor(rnd() * 3) : 0,
      });
    }
  }
  return out;
}
