import { randomUUID } from 'node:crypto';
import {
  MunicipalityRegisteredV1Event,
  PartnershipEstablishedV1Event,
  PartnershipStatusChangedV1Event,
  toRecordHeaders,
  type EventMetadata,
  type PartnershipEstablishedV1,
} from '@bridges/contracts';

export function partnershipEstablished(partnershipId: string = randomUUID()): PartnershipEstablishedV1 {
  return {
    partnershipId,
    proposalId: randomUUID(),
    campaignId: randomUUID(),
    hromadaId: randomUUID(),
    euMunicipalityId: randomUUID(),
    track: 'formal',
    establishedAt: new Date().toISOString(),
  };
}

/** A record as a well-behaved producer would write it, for tests that bypass the outbox. */
export function rawPartnershipRecord(
  payload: PartnershipEstablishedV1,
  overrides: Partial<EventMetadata> = {},
) {
  const meta: EventMetadata = {
    id: randomUUID(),
    type: PartnershipEstablishedV1Event.type,
    source: '/tests',
    time: new Date().toISOString(),
    subject: payload.partnershipId,
    correlationId: randomUUID(),
    ...overrides,
  };
  return { key: payload.partnershipId, value: JSON.stringify(payload), headers: toRecordHeaders(meta), meta };
}

/** `registry.municipality.registered.v1` for a minimal valid hromada profile, as a raw record. */
export function rawRegisteredRecord(municipalityId: string = randomUUID()) {
  const payload = {
    profile: {
      municipalityId,
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
    },
  };
  const meta: EventMetadata = {
    id: randomUUID(),
    type: MunicipalityRegisteredV1Event.type,
    source: '/tests',
    time: new Date().toISOString(),
    subject: municipalityId,
    correlationId: randomUUID(),
  };
  return { key: municipalityId, value: JSON.stringify(payload), headers: toRecordHeaders(meta), meta };
}

/** `matching.partnership.status-changed.v1` of a partnership, as a raw record. */
export function rawStatusChangedRecord(established: PartnershipEstablishedV1, to: 'active' | 'ended') {
  const payload = {
    partnershipId: established.partnershipId,
    hromadaId: established.hromadaId,
    euMunicipalityId: established.euMunicipalityId,
    from: 'established',
    to,
    track: established.track,
    changedAt: new Date().toISOString(),
    changedBy: 'tests',
  };
  return rawPartnershipRecord(payload as never, { type: PartnershipStatusChangedV1Event.type });
}
