import type { EuMunicipalityProfile, HromadaProfile } from './candidate-profile';

/** A hromada for tests: a mid-sized rural one in Lviv oblast, overridable field by field. */
export function makeHromada(overrides: Partial<HromadaProfile> = {}): HromadaProfile {
  return {
    id: 'UA-H1',
    oblast: 'Lviv',
    population: 10_000,
    areaKm2: 200,
    settlementType: 'rural',
    lat: 49.84,
    lon: 24.03,
    needs: ['water', 'education'],
    priorities: ['tourism', 'energy'],
    languages: ['uk', 'en'],
    hasInternationalPartner: false,
    warImpact: { hostsDisplaced: false, damaged: false, formerlyOccupied: false },
    ...overrides,
  };
}

/** An EU municipality for tests: a Polish rural gmina like the hromada above, overridable. */
export function makeEu(overrides: Partial<EuMunicipalityProfile> = {}): EuMunicipalityProfile {
  return {
    id: 'PL-E1',
    country: 'PL',
    population: 10_000,
    areaKm2: 200,
    settlementType: 'rural',
    lat: 50.06,
    lon: 19.94,
    offers: ['water', 'education'],
    priorities: ['tourism', 'energy'],
    languages: ['pl', 'en'],
    capacity: 1,
    existingPartnershipCount: 0,
    ...overrides,
  };
}
