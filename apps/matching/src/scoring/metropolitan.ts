import type { EuMunicipalityProfile } from './candidate-profile';

/**
 * "Metropolitan" as campaigns use it, a hard eligibility filter, so it rests on official data only. The
 * registry sends `metropolitan` from Eurostat's functional urban areas: a LAU in the FUA (city plus
 * commuting zone) of 250,000 inhabitants or more. A LAU without that flag is metropolitan only when it is
 * itself a city of 100,000 or more. The former 15 km circle around such cities is gone: it excluded rural
 * district municipalities that real partnerships are made with (docs/matching.md).
 */
export const METROPOLITAN = {
  coreMinPopulation: 100_000,
  functionalUrbanAreaMinPopulation: 250_000,
} as const;

/** Whether one LAU is metropolitan: its explicit (official) flag, else the core rule. */
export function isMetropolitan(p: EuMunicipalityProfile): boolean {
  return p.metropolitan ?? p.population >= METROPOLITAN.coreMinPopulation;
}

/** Metropolitan flag per profile (1 = metropolitan), in input order. */
export function metropolitanFlags(profiles: readonly EuMunicipalityProfile[]): Uint8Array {
  return Uint8Array.from(profiles, (p) => (isMetropolitan(p) ? 1 : 0));
}
