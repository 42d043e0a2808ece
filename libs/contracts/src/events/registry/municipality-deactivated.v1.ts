import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class MunicipalityDeactivatedV1 {
  @IsUUID() municipalityId: string;
  @IsInt() @Min(1) version: number;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/** Fires when a coordinator deactivates a profile; it leaves every matching pool. Emitted by registry. */
export const MunicipalityDeactivatedV1Event = defineEvent({
  type: 'registry.municipality.deactivated.v1',
  topic: Topics.registry.municipality,
  payload: MunicipalityDeactivatedV1,
  subjectOf: (p) => p.municipalityId,
  description: 'A municipality profile was deactivated and must leave every pool and directory.',
});
