import { randomUUID } from 'node:crypto';
import {
  MunicipalityDeactivatedV1Event,
  MunicipalityProfileUpdatedV1Event,
  MunicipalityRegisteredV1Event,
  toRecordHeaders,
  type EventDefinition,
  type EventMetadata,
  type MunicipalityProfileV1,
} from '@bridges/contracts';

let counter = 0;

/** A hromada snapshot at version 1 seeking a partner, overridable field by field. */
export function hromadaProfile(overrides: Partial<MunicipalityProfileV1> = {}): MunicipalityProfileV1 {
  counter++;
  return {
    municipalityId: randomUUID(),
    version: 1,
    kind: 'hromada',
    country: 'UA',
    officialCode: `UA${String(counter).padStart(17, '0')}`,
    nameNative: `Громада ${counter}`,
    nameLatin: `Hromada ${counter}`,
    region: { code: 'UA46000000000026241', name: 'Львівська область' },
    settlementType: 'rural',
    population: 8_000 + (counter % 50) * 100,
    areaKm2: 250,
    location: { lat: 49.8 + (counter % 10) * 0.05, lon: 24.0 },
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply' }, { sector: 'education' }],
    offers: [],
    priorities: ['tourism'],
    workingLanguages: ['uk', 'en'],
    internationalPartners: [],
    warImpact: { hostsDisplacedPeople: true, damaged: false, formerlyOccupied: false },
    seekingPartner: true,
    contacts: [],
    ...overrides,
  };
}

/** An EU municipality snapshot eligible in the 2021-like demo campaign (Poland, 5,000 inhabitants). */
export function euProfile(overrides: Partial<MunicipalityProfileV1> = {}): MunicipalityProfileV1 {
  counter++;
  return {
    municipalityId: randomUUID(),
    version: 1,
    kind: 'eu-municipality',
    country: 'PL',
    officialCode: `PL_${counter}`,
    nameNative: `Gmina ${counter}`,
    nameLatin: `Gmina ${counter}`,
    region: { code: 'PL213', name: 'Miasto Kraków' },
    settlementType: 'rural',
    population: 4_000 + (counter % 40) * 150,
    areaKm2: 120,
    location: { lat: 50.0 + (counter % 20) * 0.1, lon: 19.0 + (counter % 7) * 0.3 },
    sectors: [],
    needs: [],
    offers: counter % 2 === 0 ? [{ sector: 'water-supply' }] : [{ sector: 'education' }],
    priorities: ['tourism'],
    workingLanguages: ['pl', 'en'],
    partnershipCapacity: 2,
    internationalPartners: [],
    seekingPartner: false,
    contacts: [],
    ...overrides,
  };
}

/** A record as the registry's outbox relay would write it. */
export function registryRecord<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  overrides: Partial<EventMetadata> = {},
) {
  const subject = definition.subjectOf(payload);
  const meta: EventMetadata = {
    id: randomUUID(),
    type: definition.type,
    source: '/bridges/registry',
    time: new Date().toISOString(),
    subject,
    correlationId: randomUUID(),
    ...overrides,
  };
  return { key: subject, value: JSON.stringify(payload), headers: toRecordHeaders(meta), meta };
}

export const registered = (profile: MunicipalityProfileV1) =>
  registryRecord(MunicipalityRegisteredV1Event, { profile });
export const profileUpdated = (profile: MunicipalityProfileV1, changedFields: string[]) =>
  registryRecord(MunicipalityProfileUpdatedV1Event, { profile, changedFields });
export const deactivated = (municipalityId: string, version: number) =>
  registryRecord(MunicipalityDeactivatedV1Event, { municipalityId, version, reason: 'merged' });
