import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export const PartnershipTrack = { Formal: 'formal', Solidarity: 'solidarity' } as const;
export type PartnershipTrack = (typeof PartnershipTrack)[keyof typeof PartnershipTrack];

export class PartnershipEstablishedV1 {
  @IsUUID() partnershipId: string;
  @IsUUID() proposalId: string;
  @IsUUID() campaignId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsIn(Object.values(PartnershipTrack)) track: PartnershipTrack;
  @IsDateString() establishedAt: string;
}

/**
 * Fires when both sides have accepted a proposal. Emitted by matching. Notifications tells both
 * municipalities and their associations; events drafts the bilateral kick-off meeting; aid
 * logistics starts accepting pledges between the partners.
 */
export const PartnershipEstablishedV1Event = defineEvent({
  type: 'matching.partnership.established.v1',
  topic: Topics.matching.partnership,
  payload: PartnershipEstablishedV1,
  subjectOf: (p) => p.partnershipId,
  description: 'A partnership between a hromada and an EU municipality was established.',
});
