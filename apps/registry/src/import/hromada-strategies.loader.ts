import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SECTOR_IDS, type SectorId } from '@bridges/contracts/vocabulary';
import { defaultStrategiesDir } from './import-paths.constants';
import { matchStrategySectors, type SectorKeywordMatch } from './strategy-sector-keywords.table';

/** One development goal of a hromada, with the sectors the keyword table found in it. */
export interface StrategyPriority {
  readonly level: 'strategic' | 'operational';
  /** The goal as extracted from the strategy (Ukrainian). */
  readonly text: string;
  /** Empty when no keyword matched: the goal stays a free-text priority. */
  readonly sectors: readonly SectorKeywordMatch[];
}

/** What a hromada's development strategy says, normalised for the registry. */
export interface HromadaStrategy {
  /** KATOTTG code of the hromada (joins with the KSE import's `officialCode`). */
  readonly katottg: string;
  readonly name: string;
  readonly strategyUrl?: string;
  readonly strategyYear?: number;
  readonly strategyPeriod?: string;
  /** Union of the sectors of all priorities, in vocabulary order. */
  readonly sectors: readonly SectorId[];
  /** Every strategic and operational goal, mapped or not. */
  readonly priorities: readonly StrategyPriority[];
  /** Goals no keyword matched, as free text. */
  readonly unmappedPriorities: readonly string[];
  readonly strengths: readonly string[];
  readonly challenges: readonly string[];
  /** Donor programmes the strategy was made with (e.g. DOBRE, U-LEAD), as tagged by the source. */
  readonly donorPrograms: readonly string[];
}

/** How sure the source is that a partnership exists. Only `registry` counts as confirmed. */
export type PartnerConfidence = 'registry' | 'news_mention' | 'strategy_mention';

/** A known foreign partner municipality of a hromada. */
export interface InternationalPartner {
  readonly name: string;
  /** Partner's country (ISO code) when the source gives it. */
  readonly country?: string;
  readonly region?: string;
  /** E.g. `Kommunalpartnerschaft`, `Projektpartnerschaft` (SKEW types). */
  readonly type?: string;
  readonly since?: string;
  /** `skew` (German–Ukrainian partnership register), `cities4cities`, `strategy`. */
  readonly source: string;
  readonly confidence: PartnerConfidence;
  readonly sourceUrl?: string;
}

/** The partners known for one hromada. */
export interface HromadaPartners {
  readonly katottg: string;
  readonly partners: readonly InternationalPartner[];
  /** True only when a registry-sourced partnership exists; news and strategy mentions are hypotheses. */
  readonly hasConfirmedInternationalPartner: boolean;
}

/** How much of the strategy text the keyword table could map; reported after every import. */
export interface StrategyMappingCoverage {
  readonly hromadasWithGoals: number;
  readonly hromadasWithAnySector: number;
  readonly goals: number;
  readonly goalsMapped: number;
  /** goalsMapped / goals, 0..1. */
  readonly goalsMappedShare: number;
  /** Number of goals mapped to each sector. */
  readonly goalsBySector: Readonly<Record<SectorId, number>>;
}

/** An entry of a JSON file that could not be used. */
export interface RejectedEntry {
  readonly file: string;
  /** Position in the file's array, from 0. */
  readonly index: number;
  readonly reason: string;
}

/** Everything loaded from a hromada-strategy-collab folder. */
export interface HromadaStrategiesResult {
  readonly strategies: readonly HromadaStrategy[];
  readonly partners: readonly HromadaPartners[];
  readonly coverage: StrategyMappingCoverage;
  readonly rejected: readonly RejectedEntry[];
}

const KATOTTG = /^UA\d{17}$/;
const GOALS_FILE = 'goals-hierarchy.json';
const HROMADAS_FILE = 'hromadas.json';
const TWINNING_FILE = 'twinning-partners.json';
const CONFIDENCES: ReadonlySet<string> = new Set<PartnerConfidence>([
  'registry',
  'news_mention',
  'strategy_mention',
]);

/**
 * Loads hromada development goals (`goals-hierarchy.json`), strengths, challenges and strategy
 * metadata (`hromadas.json`) and UA–EU twinnings (`twinning-partners.json`, optional) from a folder
 * in the format of W3I's hromada-strategy-collab releases, and maps each goal onto the sector
 * vocabulary with {@link matchStrategySectors}. Entries that are not usable (no valid KATOTTG, wrong
 * shape) are listed in `rejected`, never thrown. Throws only when a required file is missing or is
 * not JSON of the expected top-level shape.
 *
 * @param dir defaults to the project's `data/hromada-strategy-collab`.
 */
export async function loadHromadaStrategies(
  dir: string = defaultStrategiesDir(),
): Promise<HromadaStrategiesResult> {
  const rejected: RejectedEntry[] = [];
  const goalsJson = await readJson(join(dir, GOALS_FILE));
  const hromadasJson = await readJson(join(dir, HROMADAS_FILE));
  const goalsList = asObject(goalsJson)?.hromadas;
  if (!Array.isArray(goalsList)) throw new Error(`${GOALS_FILE}: expected an object with a 'hromadas' array`);
  if (!Array.isArray(hromadasJson)) throw new Error(`${HROMADAS_FILE}: expected an array`);

  const detailsByKatottg = new Map<string, Record<string, unknown>>();
  hromadasJson.forEach((entry, index) => {
    const object = asObject(entry);
    const katottg = text(object?.Katottg);
    if (!object || !katottg || !KATOTTG.test(katottg)) {
      rejected.push({
        file: HROMADAS_FILE,
        index,
        reason: `missing or invalid Katottg${named(object?.Name)}`,
      });
      return;
    }
    detailsByKatottg.set(katottg, object);
  });

  const strategies: HromadaStrategy[] = [];
  const seen = new Set<string>();
  goalsList.forEach((entry, index) => {
    const object = asObject(entry);
    const katottg = text(object?.katottg);
    if (!object || !katottg || !KATOTTG.test(katottg)) {
      rejected.push({ file: GOALS_FILE, index, reason: `missing or invalid katottg${named(object?.name)}` });
      return;
    }
    if (seen.has(katottg)) {
      // Keep the first: the source mixes up same-named hromadas (e.g. two Обухівська under one code).
      rejected.push({ file: GOALS_FILE, index, reason: `duplicate katottg ${katottg}${named(object.name)}` });
      return;
    }
    seen.add(katottg);
    strategies.push(toStrategy(katottg, object, detailsByKatottg.get(katottg)));
  });

  const twinningPath = join(dir, TWINNING_FILE);
  const partners = existsSync(twinningPath) ? toPartners(await readJson(twinningPath), rejected) : [];
  return { strategies, partners, coverage: coverageOf(strategies), rejected };
}

function toStrategy(
  katottg: string,
  goals: Record<string, unknown>,
  details: Record<string, unknown> | undefined,
): HromadaStrategy {
  const priorities: StrategyPriority[] = [
    ...goalTexts(goals.strategic_goals).map((goal) => ({ level: 'strategic' as const, text: goal })),
    ...goalTexts(goals.operational_goals).map((goal) => ({ level: 'operational' as const, text: goal })),
  ].map((priority) => ({ ...priority, sectors: matchStrategySectors(priority.text) }));
  const found = new Set(priorities.flatMap((priority) => priority.sectors.map((match) => match.sector)));
  const year = details?.StrategyYear;

  return {
    katottg,
    name: text(goals.name) ?? text(details?.Name) ?? katottg,
    strategyUrl: text(details?.StrategyUrl),
    strategyYear: typeof year === 'number' && Number.isInteger(year) ? year : undefined,
    strategyPeriod: text(details?.StrategyPeriod),
    sectors: SECTOR_IDS.filter((sector) => found.has(sector)),
    priorities,
    unmappedPriorities: priorities
      .filter((priority) => priority.sectors.length === 0)
      .map((priority) => priority.text),
    strengths: bulletLines(details?.Strengths),
    challenges: bulletLines(details?.Challenges),
    donorPrograms: Array.isArray(details?.DonorsPrograms)
      ? details.DonorsPrograms.filter((program): program is string => typeof program === 'string')
      : [],
  };
}

function toPartners(json: unknown, rejected: RejectedEntry[]): HromadaPartners[] {
  const list = asObject(json)?.hromadas;
  if (!Array.isArray(list)) throw new Error(`${TWINNING_FILE}: expected an object with a 'hromadas' array`);
  const result: HromadaPartners[] = [];
  list.forEach((entry, index) => {
    const object = asObject(entry);
    const katottg = text(object?.katottg);
    if (!object || !katottg || !KATOTTG.test(katottg) || !Array.isArray(object.partners)) {
      rejected.push({
        file: TWINNING_FILE,
        index,
        reason: `missing or invalid katottg or partners${named(object?.name)}`,
      });
      return;
    }
    const partners = object.partners.flatMap((raw): InternationalPartner[] => {
      const partner = asObject(raw);
      const name = text(partner?.partner_name);
      const confidence = text(partner?.confidence);
      if (!partner || !name || !confidence || !CONFIDENCES.has(confidence)) return [];
      return [
        {
          name,
          country: text(partner.partner_country),
          region: text(partner.partner_region),
          type: text(partner.type),
          since: text(partner.since),
          source: text(partner.source) ?? 'unknown',
          confidence: confidence as PartnerConfidence,
          sourceUrl: text(partner.source_url),
        },
      ];
    });
    result.push({
      katottg,
      partners,
      hasConfirmedInternationalPartner: partners.some((partner) => partner.confidence === 'registry'),
    });
  });
  return result;
}

/** Coverage of the keyword mapping over a set of strategies. */
export function coverageOf(strategies: readonly HromadaStrategy[]): StrategyMappingCoverage {
  const goalsBySector = Object.fromEntries(SECTOR_IDS.map((sector) => [sector, 0])) as Record<
    SectorId,
    number
  >;
  let goals = 0;
  let goalsMapped = 0;
  for (const strategy of strategies) {
    for (const priority of strategy.priorities) {
      goals++;
      if (priority.sectors.length > 0) goalsMapped++;
      for (const match of priority.sectors) goalsBySector[match.sector]++;
    }
  }
  return {
    hromadasWithGoals: strategies.filter((strategy) => strategy.priorities.length > 0).length,
    hromadasWithAnySector: strategies.filter((strategy) => strategy.sectors.length > 0).length,
    goals,
    goalsMapped,
    goalsMappedShare: goals === 0 ? 0 : goalsMapped / goals,
    goalsBySector,
  };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A trimmed non-empty string, else undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** ` for 'name'` when the entry has a name, to make a rejection findable. */
function named(value: unknown): string {
  const name = text(value);
  return name ? ` for '${name}'` : '';
}

/** Goal texts of a `strategic_goals` / `operational_goals` array (`{ text }` entries). */
function goalTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((goal) => text(asObject(goal)?.text)).filter((goal): goal is string => goal !== undefined);
}

/** A `- item` per line text block as a list of items. */
function bulletLines(value: unknown): string[] {
  const block = text(value);
  if (!block) return [];
  return block
    .split('\n')
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line.length > 0);
}
