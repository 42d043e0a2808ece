import type { SettlementType } from './candidate-profile';

/**
 * Population and density thresholds of the proxy. They follow Eurostat's degree of urbanisation
 * (DEGURBA) cluster thresholds — an urban cluster has ≥ 300 inhabitants/km² and ≥ 5,000 inhabitants —
 * but DEGURBA classifies 1 km² grid cells, and we only have the LAU totals, so this is a proxy.
 */
export const SETTLEMENT_TYPE_THRESHOLDS = {
  urbanMinDensity: 300,
  urbanMinPopulation: 5_000,
  settlementMinDensity: 100,
  settlementMinPopulation: 2_000,
} as const;

/**
 * Honest proxy for the settlement type of an EU LAU, which the Eurostat data does not carry:
 * `urban` when dense and big enough to be a DEGURBA urban cluster, `settlement` (the analogue of a
 * Ukrainian селищна громада: a small town) when moderately dense or populous, `rural` otherwise.
 * Unknown area falls back to population alone.
 */
export function deriveSettlementType(population: number, areaKm2: number | null): SettlementType {
  const t = SETTLEMENT_TYPE_THRESHOLDS;
  const density = areaKm2 !== null && areaKm2 > 0 ? population / areaKm2 : null;
  if (density === null) {
    if (population >= 20_000) return 'urban';
    return population >= t.settlementMinPopulation ? 'settlement' : 'rural';
  }
  if (density >= t.urbanMinDensity && population >= t.urbanMinPopulation) return 'urban';
  if (density >= t.settlementMinDensity || population >= t.urbanMinPopulation) return 'settlement';
  return population >= t.settlementMinPopulation && density >= t.settlementMinDensity / 2
    ? 'settlement'
    : 'rural';
}

/** Ukrainian hromada type (as in KATOTTG / the KSE dataset) to the ordinal settlement type. */
export function settlementTypeFromHromadaType(type: string): SettlementType {
  switch (type.trim().toLowerCase()) {
    case 'міська':
    case 'urban':
      return 'urban';
    case 'селищна':
    case 'settlement':
      return 'settlement';
    case 'сільська':
    case 'rural':
      return 'rural';
    default:
      throw new Error(`Unknown hromada type: ${type}`);
  }
}
