import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
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
import { AidUrgency } from './aid-logistics-values.v1';

export class AidRequestLineV1 {
  @IsUUID() lineId: string;
  @IsString() @MaxLength(200) item: string;
  /** Category id from libs/contracts/src/vocabulary/aid-categories.ts. */
  @IsString() @MaxLength(64) category: string;
  /** UN/ECE Recommendation 20 code (libs/contracts/src/vocabulary/unit-codes.ts). */
  @IsString() @MaxLength(8) unit: string;
  @IsInt() @Min(1) quantity: number;
}

export class AidRequestPublishedV1 {
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  /** The one partner the request is addressed to; absent: every partner of the hromada. */
  @IsOptional() @IsUUID() addressedTo?: string;
  @IsString() @MaxLength(200) title: string;
  @IsIn(Object.values(AidUrgency)) urgency: AidUrgency;
  @IsOptional() @IsDateString() neededBy?: string;
  @ValidateNested({ each: true })
  @Type(() => AidRequestLineV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: AidRequestLineV1[];
  /**
   * The EU municipalities that can see and pledge on it at publication: partners in an established or
   * active partnership with the hromada (only `addressedTo` when set). Notifications tells their contacts.
   */
  @IsUUID('all', { each: true }) @ArrayMaxSize(200) partnerIds: string[];
  @IsDateString() publishedAt: string;
}

/**
 * Fires when a hromada publishes an aid request (draft → open). Emitted by aid logistics. Notifications
 * tells the partners it is addressed to.
 */
export const AidRequestPublishedV1Event = defineEvent({
  type: 'logistics.aid-request.published.v1',
  topic: Topics.logistics.aidRequest,
  payload: AidRequestPublishedV1,
  subjectOf: (p) => p.requestId,
  description: 'A hromada published an aid request to its partners.',
});
