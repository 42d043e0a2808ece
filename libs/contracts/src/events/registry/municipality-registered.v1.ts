import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { MunicipalityProfileV1 } from './municipality-profile.v1';

export class MunicipalityRegisteredV1 {
  @ValidateNested() @Type(() => MunicipalityProfileV1) profile: MunicipalityProfileV1;
}

/** Fires when a coordinator, an import or an association registers a new municipality profile. Emitted by registry. */
export const MunicipalityRegisteredV1Event = defineEvent({
  type: 'registry.municipality.registered.v1',
  topic: Topics.registry.municipality,
  payload: MunicipalityRegisteredV1,
  subjectOf: (p) => p.profile.municipalityId,
  description: 'A municipality profile was registered. Carries the full profile snapshot at version 1.',
});
