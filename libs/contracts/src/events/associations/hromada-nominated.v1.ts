import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { SectorStatementV1 } from '../registry/municipality-profile.v1';
import { AssociationContactV1 } from './association-statements.v1';

export class HromadaNominatedV1 {
  @IsUUID() associationId: string;
  /** KATOTTG code of the hromada, e.g. `UA05020030000031457`. */
  @IsString()
  @Matches(/^UA\d{17}$/, { message: 'officialCode must be a KATOTTG code (UA + 17 digits)' })
  officialCode: string;
  @ValidateNested({ each: true }) @Type(() => SectorStatementV1) @ArrayMaxSize(50) needs: SectorStatementV1[];
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @IsOptional() @ValidateNested() @Type(() => AssociationContactV1) contact?: AssociationContactV1;
}

/**
 * Fires when a Ukrainian association nominates one of its hromadas for a partnership, with its
 * needs. Emitted by association systems (Kafka or HTTP ingest).
 */
export const HromadaNominatedV1Event = defineEvent({
  type: 'associations.hromada.nominated.v1',
  topic: Topics.associations.inbound,
  payload: HromadaNominatedV1,
  subjectOf: (p) => `UA:${p.officialCode}`,
  description: 'A hromada is nominated for a partnership by its association, with its needs.',
});
