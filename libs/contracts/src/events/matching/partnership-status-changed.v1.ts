import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { PartnershipTrack } from './partnership-established.v1';

export const PartnershipStatus = {
  Established: 'established',
  Active: 'active',
  Dormant: 'dormant',
  Ended: 'ended',
} as const;
export type PartnershipStatus = (typeof PartnershipStatus)[keyof typeof PartnershipStatus];

export class PartnershipStatusChangedV1 {
  @IsUUID() partnershipId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsIn(Object.values(PartnershipStatus)) from: PartnershipStatus;
  @IsIn(Object.values(PartnershipStatus)) to: PartnershipStatus;
  @IsIn(Object.values(PartnershipTrack)) track: PartnershipTrack;
  @IsDateString() changedAt: string;
  @IsString() @MaxLength(200) changedBy: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** Fires on every partnership lifecycle transition after establishment. Emitted by matching. */
export const PartnershipStatusChangedV1Event = defineEvent({
  type: 'matching.partnership.status-changed.v1',
  topic: Topics.matching.partnership,
  payload: PartnershipStatusChangedV1,
  subjectOf: (p) => p.partnershipId,
  description: 'A partnership moved to another lifecycle status (active, dormant, ended) or track.',
});
