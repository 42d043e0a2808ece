import { IsInt, IsUUID, Min } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class MunicipalityContactErasedV1 {
  @IsUUID() municipalityId: string;
  @IsInt() @Min(1) version: number;
  @IsUUID() contactId: string;
}

/**
 * Fires when a person's contact data is erased on request (GDPR art. 17). Emitted by registry.
 * Every consumer holding that contact must delete it, not just hide it.
 */
export const MunicipalityContactErasedV1Event = defineEvent({
  type: 'registry.municipality.contact-erased.v1',
  topic: Topics.registry.municipality,
  payload: MunicipalityContactErasedV1,
  subjectOf: (p) => p.municipalityId,
  description: "A contact person's data was erased; consumers must purge it.",
});
