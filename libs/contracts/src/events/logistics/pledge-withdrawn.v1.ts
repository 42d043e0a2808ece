import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class PledgeWithdrawnV1 {
  @IsUUID() pledgeId: string;
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @IsDateString() withdrawnAt: string;
}

/** Fires when a pledge not yet shipped is withdrawn; its quantities are free again. Emitted by aid logistics. */
export const PledgeWithdrawnV1Event = defineEvent({
  type: 'logistics.pledge.withdrawn.v1',
  topic: Topics.logistics.aidRequest,
  payload: PledgeWithdrawnV1,
  subjectOf: (p) => p.requestId,
  description: 'A pledge was withdrawn and its quantities released.',
});
