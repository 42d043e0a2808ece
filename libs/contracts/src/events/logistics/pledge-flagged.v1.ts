import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { PartnershipStatus } from '../matching/partnership-status-changed.v1';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class PledgeFlaggedV1 {
  @IsUUID() pledgeId: string;
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsUUID() partnershipId: string;
  /** The status the partnership moved to: dormant or ended. */
  @IsIn(Object.values(PartnershipStatus)) partnershipStatus: PartnershipStatus;
  @IsDateString() flaggedAt: string;
}

/**
 * Fires for each open pledge whose partnership went dormant or ended: the pledge stays (it is not silently
 * dropped) but needs a decision. Emitted by aid logistics.
 */
export const PledgeFlaggedV1Event = defineEvent({
  type: 'logistics.pledge.flagged.v1',
  topic: Topics.logistics.aidRequest,
  payload: PledgeFlaggedV1,
  subjectOf: (p) => p.requestId,
  description: 'An open pledge was flagged because its partnership went dormant or ended.',
});
