import { randomUUID } from 'node:crypto';
import {
  PartnershipEstablishedV1Event,
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
