import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { MoneyV1 } from './aid-logistics-values.v1';

export class PledgeLineV1 {
  @IsUUID() lineId: string;
  @IsInt() @Min(1) quantity: number;
}

export class PledgeMadeV1 {
  @IsUUID() pledgeId: string;
  /** The record key: pledges travel with their request, in its order. */
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsUUID() euMunicipalityId: string;
  /** The active partnership it was made under; absent for association-brokered aid without one. */
  @IsOptional() @IsUUID() partnershipId?: string;
  /** Set when a coordinator recorded aid an association brokered on the municipality's behalf. */
  @IsOptional() @IsString() @MaxLength(200) brokeredBy?: string;
  @ValidateNested({ each: true })
  @Type(() => PledgeLineV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: PledgeLineV1[];
  @IsOptional() @ValidateNested() @Type(() => MoneyV1) declaredValue?: MoneyV1;
  @IsDateString() pledgedAt: string;
}

/** Fires when an EU partner pledges against lines of an aid request. Emitted by aid logistics. */
export const PledgeMadeV1Event = defineEvent({
  type: 'logistics.pledge.made.v1',
  topic: Topics.logistics.aidRequest,
  payload: PledgeMadeV1,
  subjectOf: (p) => p.requestId,
  description: 'A partner pledged quantities against lines of an aid request.',
});
