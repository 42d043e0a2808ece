import { randomInt } from 'node:crypto';

/** A valid hromada registration body with a random KATOTTG code. */
export function hromadaBody(overrides: Record<string, unknown> = {}) {
  const code = `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`;
  return {
    country: 'UA',
    officialCode: code,
    nameNative: 'Агрономічна сільська громада',
    region: { code: 'UA05000000000010236', name: 'Вінницька область' },
    settlementType: 'rural',
    population: 12034,
    populationYear: 2022,
    areaKm2: 231.5,
    location: { lat: 49.23, lon: 28.47 },
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply', description: 'Two pumping stations' }],
    workingLanguages: ['uk', 'en'],
    warImpact: { hostsDisplacedPeople: true, damaged: false, formerlyOccupied: false },
    contacts: [
      {
        name: 'Olena Kovalenko',
        role: 'Head of cooperation',
        email: 'olena@example.org',
        preferredLanguage: 'uk',
      },
    ],
    ...overrides,
  };
}

/** A valid EU municipality registration body with a random LAU code. */
export function euMunicipalityBody(overrides: Record<string, unknown> = {}) {
  return {
    country: 'PL',
    officialCode: `PL_${randomInt(10 ** 7)}`,
    nameNative: 'Gmina Testowa',
    region: { code: 'PL911', name: 'Miasto Warszawa' },
    settlementType: 'town',
    population: 25000,
    populationYear: 2020,
    sectors: ['energy-efficiency'],
    offers: [{ sector: 'energy-efficiency', description: 'Heat pumps for schools' }],
    partnershipCapacity: 2,
    workingLanguages: ['pl', 'en'],
    ...overrides,
  };
}
