/** Registration bodies for the fault suite: valid, unique, small enough to send by the hundred. */
import { randomInt, randomUUID } from 'node:crypto';

/** The oblast of the hromadas every scenario but the capacity race registers. */
export const BURST_OBLAST = 'Вінницька область';

/** A hromada seeking a partner, with one contact (its digests are what the suite counts). */
export function hromadaBody(oblast = BURST_OBLAST) {
  const tag = randomUUID().slice(0, 8);
  return {
    country: 'UA',
    officialCode: `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`,
    nameNative: `Громада ${tag}`,
    region: { code: 'UA05000000000010236', name: oblast },
    settlementType: 'rural',
    population: 8000 + randomInt(8000),
    populationYear: 2022,
    areaKm2: 150 + randomInt(200),
    location: { lat: 48 + randomInt(200) / 100, lon: 27 + randomInt(300) / 100 },
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply', description: 'Pumping stations' }],
    workingLanguages: ['uk', 'en'],
    seekingPartner: true,
    contacts: [
      {
        name: 'Olena Kovalenko',
        role: 'Head',
        email: `olena.${tag}@hromada.example`,
        preferredLanguage: 'uk',
      },
    ],
  };
}

/** A volunteering EU municipality with a population and a location (what the EU pool needs). */
export function euMunicipalityBody(country = 'PL', partnershipCapacity = 50) {
  const tag = randomUUID().slice(0, 8);
  return {
    country,
    officialCode: `${country}_${randomInt(10 ** 6, 10 ** 7)}`,
    nameNative: `Gmina ${tag}`,
    region: { code: `${country}821`, name: 'Region' },
    settlementType: 'town',
    population: 18_000 + randomInt(10_000),
    populationYear: 2020,
    areaKm2: 140,
    location: { lat: 49 + randomInt(200) / 100, lon: 20 + randomInt(300) / 100 },
    sectors: ['water-supply'],
    offers: [{ sector: 'water-supply', description: 'Water engineers' }],
    workingLanguages: ['pl', 'en'],
    partnershipCapacity,
    seekingPartner: true,
    contacts: [
      { name: 'Anna Nowak', role: 'Mayor', email: `anna.${tag}@gmina.example`, preferredLanguage: 'en' },
    ],
  };
}
