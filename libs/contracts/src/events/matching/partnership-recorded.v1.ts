import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { PartnershipTrack } from './partnership-established.v1';

export class PartnershipRecordedV1 {
  @IsUUID() partnershipId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsIn(Object.values(PartnershipTrack)) track: PartnershipTrack;
  /** When the partners formed it (before or outside Bridges), not when it was recorded. */
  @IsDateString() establishedAt: string;
}

/**
 * Fires when a coordinator records a partnership formed before or outside Bridges (no proposal or
 * campaign stands behind it). Emitted by matching, on the partnership's topic and key like
 * `matching.partnership.established.v1`, so its later status changes follow it in order. Its own type,
 * not an established event with optional fields: consumers of that event rely on its proposal and
 * campaign, and nobody accepted a proposal here — so no "both sides accepted" email and no kick-off
 * meeting, while aid logistics accepts pledges between the partners all the same.
 */
export const PartnershipRecordedV1Event = defineEvent({
  type: 'matching.partnership.recorded.v1',
  topic: Topics.matching.partnership,
  payload: PartnershipRecordedV1,
  subjectOf: (p) => p.partnershipId,
  description: 'A partnership formed before or outside Bridges was recorded by a coordinator.',
});
