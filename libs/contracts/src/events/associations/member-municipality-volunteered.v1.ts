import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { SectorStatementV1 } from '../registry/municipality-profile.v1';
import { AssociationContactV1 } from './association-statements.v1';

export class MemberMunicipalityVolunteeredV1 {
  /** The publishing association, as registered in the registry. */
  @IsUUID() associationId: string;
  @IsISO31661Alpha2() country: string;
  /** LAU code of the member municipality. */
  @IsString() @MaxLength(32) officialCode: string;
  @ValidateNested({ each: true })
  @Type(() => SectorStatementV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  offers: SectorStatementV1[];
  @IsInt() @Min(1) @Max(100) partnershipCapacity: number;
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(20) workingLanguages?: string[];
  @IsOptional() @ValidateNested() @Type(() => AssociationContactV1) contact?: AssociationContactV1;
}

/**
 * Fires when a member municipality of an EU association volunteers for a partnership, with what
 * it offers and how many partners it can take. Emitted by association systems (Kafka or HTTP ingest).
 */
export const MemberMunicipalityVolunteeredV1Event = defineEvent({
  type: 'associations.member-municipality.volunteered.v1',
  topic: Topics.associations.inbound,
  payload: MemberMunicipalityVolunteeredV1,
  subjectOf: (p) => `${p.country}:${p.officialCode}`,
  description: 'An EU member municipality volunteers for a partnership with offers and capacity.',
});
