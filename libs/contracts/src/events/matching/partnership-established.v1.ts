import { IsDateString, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export const PartnershipTrack = { Formal: 'formal', Solidarity: 'solidarity' } as const;
export type PartnershipTrack = (typeof PartnershipTrack)[keyof typeof PartnershipTrack];

/**
 * How a partnership came to Bridges: from a proposal both sides accepted, or recorded by a coordinator
 * because it was formed before or outside Bridges (then no proposal or campaign stands behind it).
 */
export const PartnershipOrigin = { Matching: 'matching', Recorded: 'recorded' } as const;
export type PartnershipOrigin = (typeof PartnershipOrigin)[keyof typeof PartnershipOrigin];

/** A recorded partnership has no proposal or campaign; every other one has both. */
const fromMatching = (o: PartnershipEstablishedV1) => o.origin !== PartnershipOrigin.Recorded;

export class PartnershipEstablishedV1 {
  @IsUUID() partnershipId: string;
  /** Absent only when `origin` is `recorded`. */
  @ValidateIf(fromMatching) @IsUUID() proposalId?: string;
  /** Absent only when `origin` is `recorded`. */
  @ValidateIf(fromMatching) @IsUUID() campaignId?: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsIn(Object.values(PartnershipTrack)) track: PartnershipTrack;
  @IsDateString() establishedAt: string;
  /** Absent in events published before recorded partnerships existed: read as `matching`. */
  @IsOptional() @IsIn(Object.values(PartnershipOrigin)) origin?: PartnershipOrigin;
}

/**
 * Fires when both sides have accepted a proposal, or when a coordinator recorded a partnership formed
 * before or outside Bridges (`origin: 'recorded'`, no proposal or campaign). Emitted by matching. Notifications tells both
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
