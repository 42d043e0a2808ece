/**
 * Settlement types of municipalities, one vocabulary for both sides of a partnership.
 *
 * Ukraine (official, from the hromada's legal type, set by the type of its administrative centre):
 * - `urban`      — міська громада (centre is a city, місто)
 * - `settlement` — селищна громада (centre is a settlement, селище)
 * - `rural`      — сільська громада (centre is a village, село)
 *
 * EU (derived; Eurostat's degree of urbanisation, DEGURBA, is defined on 1 km² population grid
 * cells, which the LAU statistics we import do not carry, so we apply its thresholds to the LAU's
 * average density — a documented proxy, see {@link classifyEuSettlementType}):
 * - `city`  — population ≥ 50,000 and density ≥ 300 inhabitants/km²
 * - `town`  — population ≥ 5,000 and density ≥ 300 inhabitants/km²
 * - `rural` — everything else
 *
 * Ids are wire values: never renamed. `rural` is deliberately shared by both sides.
 */
export const SETTLEMENT_TYPES = ['urban', 'settlement', 'rural', 'city', 'town'] as const;

/** A settlement type's wire id. */
export type SettlementType = (typeof SETTLEMENT_TYPES)[number];

/** Ukrainian hromada types. */
export const UA_SETTLEMENT_TYPES = [
  'urban',
  'settlement',
  'rural',
] as const satisfies readonly SettlementType[];
/** EU municipality types. */
export const EU_SETTLEMENT_TYPES = ['city', 'town', 'rural'] as const satisfies readonly SettlementType[];

/** Labels for consoles and notifications. */
export const SETTLEMENT_TYPE_LABELS: Readonly<
  Record<SettlementType, { readonly en: string; readonly uk: string }>
> = {
  urban: { en: 'Urban hromada', uk: 'міська громада' },
  settlement: { en: 'Settlement hromada', uk: 'селищна громада' },
  rural: { en: 'Rural', uk: 'сільська' },
  city: { en: 'City', uk: 'місто' },
  town: { en: 'Town or suburb', uk: 'містечко або передмістя' },
};

/**
 * Where a type sits on one urban–rural scale (0 rural, 1 intermediate, 2 urban), so matching can
 * compare a hromada with an EU municipality. A Ukrainian `urban` hromada ranges from small towns
 * to oblast centres, hence it sits with `city`; `settlement` hromadas are centred on small towns.
 */
export const SETTLEMENT_TYPE_URBANITY: Readonly<Record<SettlementType, 0 | 1 | 2>> = {
  rural: 0,
  settlement: 1,
  town: 1,
  urban: 2,
  city: 2,
};

const SETTLEMENT_TYPE_SET: ReadonlySet<string> = new Set(SETTLEMENT_TYPES);

/** True when `value` is a known settlement type. */
export function isSettlementType(value: unknown): value is SettlementType {
  return typeof value === 'string' && SETTLEMENT_TYPE_SET.has(value);
}

/** Ukrainian legal hromada type (as written in KATOTTG data) to our id. */
const UA_TYPE_BY_NATIVE: Readonly<Record<string, SettlementType>> = {
  міська: 'urban',
  селищна: 'settlement',
  сільська: 'rural',
};

/**
 * Maps the Ukrainian hromada type (`міська`, `селищна`, `сільська`; case and surrounding spaces
 * ignored) to a settlement type, or undefined when the value is none of them.
 */
export function settlementTypeFromUkrainian(nativeType: string): SettlementType | undefined {
  return UA_TYPE_BY_NATIVE[nativeType.trim().toLowerCase()];
}

/** DEGURBA thresholds applied to a whole LAU (see the module comment). */
export const EU_SETTLEMENT_THRESHOLDS = {
  /** Minimum density (inhabitants/km²) of a DEGURBA urban cluster. */
  urbanDensity: 300,
  /** Minimum population of a DEGURBA urban cluster. */
  townPopulation: 5_000,
  /** Minimum population of a DEGURBA urban centre. */
  cityPopulation: 50_000,
} as const;

/**
 * Classifies an EU local administrative unit as `city`, `town` or `rural` from its population
 * and area, using DEGURBA's thresholds on the LAU's average density. Returns undefined when the
 * inputs cannot be classified (non-finite, negative population, non-positive area).
 */
export function classifyEuSettlementType(population: number, areaKm2: number): SettlementType | undefined {
  if (!Number.isFinite(population) || !Number.isFinite(areaKm2) || population < 0 || areaKm2 <= 0) {
    return undefined;
  }
  const density = population / areaKm2;
  if (density < EU_SETTLEMENT_THRESHOLDS.urbanDensity) return 'rural';
  if (population >= EU_SETTLEMENT_THRESHOLDS.cityPopulation) return 'city';
  if (population >= EU_SETTLEMENT_THRESHOLDS.townPopulation) return 'town';
  return 'rural';
}
