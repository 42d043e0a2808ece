import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDateString,
  IsInt,
  IsISO31661Alpha2,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';

export class CountryQuotaV1 {
  @IsISO31661Alpha2() country: string;
  @IsInt() @Min(0) seats: number;
}

export class SolidarityForumAnnouncedV1 {
  @IsUUID() associationId: string;
  /** The association's own id for the forum; the forum's identity across retries. */
  @IsString() @MaxLength(100) externalForumId: string;
  @IsString() @MaxLength(300) title: string;
  @IsDateString() startsAt: string;
  @IsDateString() endsAt: string;
  @IsString() @MaxLength(300) venue: string;
  @IsInt() @Min(1) capacity: number;
  @ValidateNested({ each: true })
  @Type(() => CountryQuotaV1)
  @ArrayMaxSize(60)
  countryQuotas: CountryQuotaV1[];
}

/** Fires when an association announces a solidarity forum. Emitted by association systems; consumed by events. */
export const SolidarityForumAnnouncedV1Event = defineEvent({
  type: 'associations.forum.announced.v1',
  topic: Topics.associations.inbound,
  payload: SolidarityForumAnnouncedV1,
  subjectOf: (p) => `${p.associationId}:${p.externalForumId}`,
  description: 'An association announces a solidarity forum with capacity and per-country quotas.',
});
