import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { MunicipalityProfileV1 } from './municipality-profile.v1';

export class MunicipalityProfileUpdatedV1 {
  /** Top-level profile fields whose value changed, e.g. `offers`, `partnershipCapacity`. */
  @IsString({ each: true }) changedFields: string[];
  @ValidateNested() @Type(() => MunicipalityProfileV1) profile: MunicipalityProfileV1;
}

/**
 * Fires when a profile changes (console edit, re-import, an association's volunteer event).
 * Emitted by registry. Carries the new snapshot and its version: consumers drop stale versions.
 */
export const MunicipalityProfileUpdatedV1Event = defineEvent({
  type: 'registry.municipality.profile-updated.v1',
  topic: Topics.registry.municipality,
  payload: MunicipalityProfileUpdatedV1,
  subjectOf: (p) => p.profile.municipalityId,
  description: 'A municipality profile changed; lists the changed fields and carries the new snapshot.',
});
