import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { AidUrgency } from './aid-logistics-values.v1';
import { AidRequestLineV1 } from './aid-request-published.v1';

export class AidRequestSharedV1 {
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  /** The EU municipality that can now see and pledge on the request. */
  @IsUUID() partnerId: string;
  /** The partnership that made it a partner (established, recorded, or active again). */
  @IsUUID() partnershipId: string;
  @IsString() @MaxLength(200) title: string;
  @IsIn(Object.values(AidUrgency)) urgency: AidUrgency;
  @IsOptional() @IsDateString() neededBy?: string;
  /** The lines still not fully pledged, with `quantity` = what is still unpledged. */
  @ValidateNested({ each: true })
  @Type(() => AidRequestLineV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: AidRequestLineV1[];
  @IsDateString() publishedAt: string;
  @IsDateString() sharedAt: string;
}

/**
 * Fires when aid starts flowing in a partnership (established, recorded, or active again) while the
 * hromada has requests still open to pledges: one per request, so the new partner hears of what was
 * published before it could see it. Emitted by aid logistics; notifications tells the partner's contacts.
 */
export const AidRequestSharedV1Event = defineEvent({
  type: 'logistics.aid-request.shared.v1',
  topic: Topics.logistics.aidRequest,
  payload: AidRequestSharedV1,
  subjectOf: (p) => p.requestId,
  description: 'An open aid request became visible to a new partner of the hromada.',
});
