import { randomUUID } from 'node:crypto';
import {
  MunicipalityContactErasedV1Event,
  MunicipalityRegisteredV1Event,
  PartnershipEstablishedV1Event,
  PartnershipRecordedV1Event,
  PartnershipStatusChangedV1Event,
  toRecordHeaders,
  type EventDefinition,
  type EventMetadata,
  type MunicipalityProfileV1,
  type PartnershipStatus,
} from '@bridges/contracts';

let counter = 0;

/** A hromada snapshot as the registry publishes it, with one contact. */
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
    region: { name: 'Івано-Франківська' },
    settlementType: 'urban',
    population: 20_000,
    location: { lat: 48.97, lon: 23.97 },
    sectors: [],
    needs: [],
    offers: [],
    priorities: [],
    workingLanguages: ['uk'],
    internationalPartners: [],
    seekingPartner: false,
    contacts: [
      {
        contactId: randomUUID(),
        name: 'Олена Петренко',
        email: `olena${counter}@example.org`,
        phone: '+380 67 000 0000',
        preferredLanguage: 'uk',
      },
    ],
    ...overrides,
  };
}

/** An EU municipality snapshot (Lithuania). */
export function euProfile(overrides: Partial<MunicipalityProfileV1> = {}): MunicipalityProfileV1 {
  counter++;
  return {
    municipalityId: randomUUID(),
    version: 1,
    kind: 'eu-municipality',
    country: 'LT',
    officialCode: `LT_${counter}`,
    nameNative: `Savivaldybė ${counter}`,
    nameLatin: `Savivaldybe ${counter}`,
    region: { name: 'LT023' },
    settlementType: 'rural',
    population: 40_000,
    location: { lat: 55.93, lon: 23.31 },
    sectors: [],
    needs: [],
    offers: [],
    priorities: [],
    workingLanguages: ['lt', 'en'],
    internationalPartners: [],
    seekingPartner: true,
    contacts: [],
    ...overrides,
  };
}

/** A record as the owning service's outbox relay would write it. */
export function upstreamRecord<P extends object>(definition: EventDefinition<P>, payload: P, source: string) {
  const subject = definition.subjectOf(payload);
  const meta: EventMetadata = {
    id: randomUUID(),
    type: definition.type,
    source,
    time: new Date().toISOString(),
    subject,
    correlationId: randomUUID(),
  };
  return { key: subject, value: JSON.stringify(payload), headers: toRecordHeaders(meta) };
}

export const registered = (profile: MunicipalityProfileV1) =>
  upstreamRecord(MunicipalityRegisteredV1Event, { profile }, '/bridges/registry');

export const contactErased = (municipalityId: string, contactId: string, version: number) =>
  upstreamRecord(
    MunicipalityContactErasedV1Event,
    { municipalityId, contactId, version },
    '/bridges/registry',
  );

export function established(hromadaId: string, euMunicipalityId: string, partnershipId = randomUUID()) {
  return upstreamRecord(
    PartnershipEstablishedV1Event,
    {
      partnershipId,
      proposalId: randomUUID(),
      campaignId: randomUUID(),
      hromadaId,
      euMunicipalityId,
      track: 'formal',
      establishedAt: new Date().toISOString(),
    },
    '/bridges/matching',
  );
}

/** A partnership formed before Bridges, recorded by a matching coordinator (no proposal, no campaign). */
export function recorded(hromadaId: string, euMunicipalityId: string, partnershipId = randomUUID()) {
  return upstreamRecord(
    PartnershipRecordedV1Event,
    {
      partnershipId,
      hromadaId,
      euMunicipalityId,
      track: 'formal',
      establishedAt: '2022-04-14T00:00:00.000Z',
    },
    '/bridges/matching',
  );
}

export function statusChanged(
  partnershipId: string,
  hromadaId: string,
  euMunicipalityId: string,
  from: PartnershipStatus,
  to: PartnershipStatus,
) {
  return upstreamRecord(
    PartnershipStatusChangedV1Event,
    {
      partnershipId,
      hromadaId,
      euMunicipalityId,
      from,
      to,
      track: 'formal',
      changedAt: new Date().toISOString(),
      changedBy: 'test',
    },
    '/bridges/matching',
  );
}
