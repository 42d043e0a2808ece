import type { EuMunicipalityProfile } from './candidate-profile';
import { greatCircleKm, unitVector } from './scoring-factors';

/**
 * "Metropolitan" as campaigns use it. The LAU data carries no metropolitan flag and a city is often split
 * into several LAUs (Bratislava's boroughs), so the rule looks at neighbours: a LAU is metropolitan when
 * it is a metropolitan core (≥ 100,000 inhabitants) or its centre lies within 15 km of a core's centre
 * (the city's suburbs and its other boroughs). A proxy for Eurostat's functional urban areas, which need
 * commuting data we do not have.
 */
export const METROPOLITAN = { coreMinPopulation: 100_000, radiusKm: 15 } as const;

/** Metropolitan flag per profile (1 = metropolitan), in input order; an explicit `metropolitan` wins. */
export function metropolitanFlags(profiles: readonly EuMunicipalityProfile[]): Uint8Array {
  const flags = new Uint8Array(profiles.length);
  const cores = profiles
    .filter((p) => p.population >= METROPOLITAN.coreMinPopulation)
    .map((p) => unitVector(p.lat, p.lon));
  profiles.forEach((p, i) => {
    if (p.metropolitan !== undefined) {
      flags[i] = p.metropolitan ? 1 : 0;
      return;
    }
    if (p.population >= METROPOLITAN.coreMinPopulation) {
      flags[i] = 1;
      return;
    }
    const [x, y, z] = unitVector(p.lat, p.lon);
    flags[i] = cores.some((c) => greatCircleKm(x, y, z, c[0], c[1], c[2]) <= METROPOLITAN.radiusKm) ? 1 : 0;
  });
  return flags;
}
