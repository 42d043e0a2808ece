/**
 * Real Ukrainian–EU partnerships joined to the product's ids: Wikipedia twin towns (name + coordinates,
 * data/twin-towns-calibration) and the SKEW German–Ukrainian register (KATOTTG + German name,
 * data/hromada-strategy-collab/twinning-partners.json). Joins are conservative; what cannot be joined
 * without guessing is counted and left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { findProjectDataDir, type MunicipalityImportRecord } from '../../apps/registry/src/import';
import { greatCircleKm, unitVector } from '../../apps/matching/src/scoring/scoring-factors';

export interface CalibrationPair {
  readonly hromadaId: string;
  readonly euId: string;
  /** ISO country of the EU partner. */
  readonly country: string;
  readonly source: 'wikipedia' | 'skew';
}

export interface PairJoinReport {
  readonly pairs: CalibrationPair[];
  readonly unjoined: Record<string, number>;
}

const COUNTRY: Record<string, string> = {
  Hungary: 'HU',
  Germany: 'DE',
  Romania: 'RO',
  'Czech Republic': 'CZ',
  Bulgaria: 'BG',
  France: 'FR',
  Italy: 'IT',
  Greece: 'GR',
  Finland: 'FI',
  Sweden: 'SE',
  Croatia: 'HR',
  Spain: 'ES',
  Portugal: 'PT',
  Slovenia: 'SI',
  Denmark: 'DK',
  Cyprus: 'CY',
  Belgium: 'BE',
  Austria: 'AT',
  Netherlands: 'NL',
  Ireland: 'IE',
};

/** Lower case, no accents, the name before any ", Stadt" / "(…)" qualifier. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[,(/]/)[0]
    .replace(/\b(stadt|gemeinde|markt|hansestadt|city|municipality)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Whether a town's English name (Wikipedia) and a hromada's transliterated name (`Lvivska miska hromada`)
 * name the same place: the same first three letters. Transliterations differ after that (Zaporizhzhia /
 * Zaporizka, Dubno / Dubenska); within 15 km another place with the same three letters is rare.
 */
export function sameTownName(townName: string, hromadaName: string): boolean {
  const letters = (name: string) => normaliseName(name).replace(/[^a-z]/g, '');
  const a = letters(townName);
  const b = letters(hromadaName);
  return a.length >= 3 && a.slice(0, 3) === b.slice(0, 3);
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  return greatCircleKm(...unitVector(aLat, aLon), ...unitVector(bLat, bLon));
}

/**
 * The hromada of a Wikipedia town: the nearest hromada within 15 km whose name is the town's (or, for a city
 * district such as "Industrialnyi (Kharkiv)", the city's); else, for a village or a renamed town, the hromada
 * whose centre is within 10 km. Nearest-centre alone joined Kyiv — not a hromada in the data — to rural
 * Borshchahivska, and Mukachevo and Dubno to their neighbours.
 */
export function hromadaOfTown(
  town: string,
  lat: number,
  lon: number,
  hromadas: readonly MunicipalityImportRecord[],
): MunicipalityImportRecord | undefined {
  const names = [town, ...(/\(([^)]+)\)/.exec(town)?.slice(1) ?? [])];
  let named: MunicipalityImportRecord | undefined;
  let nearest: MunicipalityImportRecord | undefined;
  let bestNamed = 15;
  let bestNearest = 10;
  for (const h of hromadas) {
    const d = km(lat, lon, h.latitude, h.longitude);
    if (d < bestNamed && names.some((n) => sameTownName(n, h.nameLatin ?? ''))) [bestNamed, named] = [d, h];
    if (d < bestNearest) [bestNearest, nearest] = [d, h];
  }
  return named ?? nearest;
}

export function loadCalibrationPairs(
  hromadas: ReadonlyMap<string, MunicipalityImportRecord>,
  eu: ReadonlyMap<string, MunicipalityImportRecord>,
): PairJoinReport {
  const dataDir = findProjectDataDir();
  const unjoined: Record<string, number> = {};
  const miss = (why: string) => (unjoined[why] = (unjoined[why] ?? 0) + 1);
  const euByCountry = new Map<string, MunicipalityImportRecord[]>();
  for (const r of eu.values()) euByCountry.set(r.country, [...(euByCountry.get(r.country) ?? []), r]);
  const hromadaList = [...hromadas.values()];
  const seen = new Set<string>();
  const pairs: CalibrationPair[] = [];
  const add = (p: CalibrationPair) => {
    const key = `${p.hromadaId}|${p.euId}`;
    if (seen.has(key)) return miss('duplicate of a pair already joined');
    seen.add(key);
    pairs.push(p);
  };

  // Wikipedia: the hromada whose centre is nearest the Ukrainian town (≤ 15 km); the EU LAU of the same
  // name nearest the twin's coordinates (≤ 30 km), else the LAU whose centre is nearest (≤ 5 km).
  const rows = parse<Record<string, string>>(
    readFileSync(join(dataDir, 'twin-towns-calibration', 'ua_eu_twin_towns.csv')),
    { columns: true },
  );
  for (const r of rows) {
    const country = COUNTRY[r.eu_country];
    const laus = country ? euByCountry.get(country) : undefined;
    if (!laus) {
      miss(`EU country without LAU data (${r.eu_country})`);
      continue;
    }
    const hromada = hromadaOfTown(r.ua_city, Number(r.ua_lat), Number(r.ua_lng), hromadaList);
    if (!hromada) {
      miss('Ukrainian town not joinable to a hromada (Kyiv, Crimea, occupied, misplaced coordinates)');
      continue;
    }
    const euLat = Number(r.eu_lat);
    const euLon = Number(r.eu_lng);
    const wanted = normaliseName(r.eu_city);
    let byName: MunicipalityImportRecord | undefined;
    let byDistance: MunicipalityImportRecord | undefined;
    let bestName = 30;
    let bestDistance = 5;
    for (const l of laus) {
      const d = km(euLat, euLon, l.latitude, l.longitude);
      if (d < bestName && normaliseName(l.nameLatin ?? l.nameNative) === wanted) [bestName, byName] = [d, l];
      if (d < bestDistance) [bestDistance, byDistance] = [d, l];
    }
    const partner = byName ?? byDistance;
    if (!partner) {
      miss('EU twin not joinable to a LAU (region, county or renamed)');
      continue;
    }
    add({ hromadaId: hromada.officialCode, euId: partner.officialCode, country, source: 'wikipedia' });
  }

  // SKEW register: KATOTTG given; the German partner by unique normalised name among German LAUs.
  const twinning = JSON.parse(
    readFileSync(join(dataDir, 'hromada-strategy-collab', 'twinning-partners.json'), 'utf8'),
  ) as {
    hromadas: {
      katottg: string;
      partners: { partner_name: string; partner_country?: string; confidence: string }[];
    }[];
  };
  const deByName = new Map<string, MunicipalityImportRecord[]>();
  for (const l of euByCountry.get('DE') ?? []) {
    const n = normaliseName(l.nameLatin ?? l.nameNative);
    deByName.set(n, [...(deByName.get(n) ?? []), l]);
  }
  for (const h of twinning.hromadas) {
    for (const p of h.partners) {
      if (p.confidence !== 'registry' || p.partner_country !== 'DE') continue;
      if (!hromadas.has(h.katottg)) {
        miss('SKEW hromada not among the imported hromadas');
        continue;
      }
      const candidates = deByName.get(normaliseName(p.partner_name)) ?? [];
      if (candidates.length !== 1) {
        miss(
          candidates.length === 0
            ? 'SKEW partner not a German LAU (district, region)'
            : 'SKEW partner name ambiguous',
        );
        continue;
      }
      add({ hromadaId: h.katottg, euId: candidates[0].officialCode, country: 'DE', source: 'skew' });
    }
  }
  return { pairs, unjoined };
}
