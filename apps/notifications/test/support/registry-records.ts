import { randomUUID } from 'node:crypto';
import {
  MunicipalityRegisteredV1Event,
  PartnershipEstablishedV1Event,
  toRecordHeaders,
  type EventDefinition,
  type EventMetadata,
  type MunicipalityProfileV1,
  type PartnershipEstablishedV1,
} from '@bridges/contracts';

/** A Kafka record as a well-behaved producer writes it (CloudEvents binary mode), with its metadata. */
export interface TestRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
  meta: EventMetadata;
}

/** Builds a record for `definition`; pass the same `meta.id` again to produce a redelivery. */
export function eventRecord<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  overrides: Partial<EventMetadata> = {},
): TestRecord {
  const subject = definition.subjectOf(payload);
  const meta: EventMetadata = {
    id: randomUUID(),
    type: definition.type,
    source: '/tests',
    time: new Date().toISOString(),
    subject,
    correlationId: randomUUID(),
    ...overrides,
  };
  return { key: subject, value: JSON.stringify(payload), headers: toRecordHeaders(meta), meta };
}

/** A complete profile snapshot; contacts and association are what notifications reads. */
export function profile(overrides: Partial<MunicipalityProfileV1> = {}): MunicipalityProfileV1 {
  return {
    municipalityId: randomUUID(),
    version: 1,
    kind: 'hromada',
    country: 'UA',
    officialCode: `UA${Math.floor(Math.random() * 1e9)}`,
    nameNative: 'Житомирська міська громада',
    nameLatin: 'Zhytomyr urban hromada',
    region: { name: 'Житомирська область' },
    settlementType: 'city',
    population: 261_000,
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply' }],
    offers: [],
    priorities: [],
    workingLanguages: ['uk', 'en'],
    internationalPartners: [],
    seekingPartner: true,
    contacts: [],
    ...overrides,
  };
}

/** `registry.municipality.registered.v1` for a profile. */
export function registered(p: MunicipalityProfileV1): TestRecord {
  return eventRecord(MunicipalityRegisteredV1Event, { profile: p });
}

/** `matching.partnership.established.v1` between two profiles. */
export function partnershipEstablished(hromadaId: string, euMunicipalityId: string): TestRecord {
  const payload: PartnershipEstablishedV1 = {
    partnershipId: randomUUID(),
    proposalId: randomUUID(),
    campaignId: randomUUID(),
    hromadaId,
    euMunicipalityId,
    track: 'formal',
    establishedAt: '2026-11-28T10:00:00.000Z',
  };
  return eventRecord(PartnershipEstablishedV1Event, payload);
}
