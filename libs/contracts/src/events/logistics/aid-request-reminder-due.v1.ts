import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { AidUrgency } from './aid-logistics-values.v1';
import { AidRequestLineV1 } from './aid-request-published.v1';

export class AidRequestReminderDueV1 {
  @IsUUID() requestId: string;
  @IsUUID() hromadaId: string;
  @IsString() @MaxLength(200) title: string;
  @IsIn(Object.values(AidUrgency)) urgency: AidUrgency;
  @IsDateString() publishedAt: string;
  /** Partners that can pledge on it now (established or active partnership; only the addressee when set). */
  @IsUUID('all', { each: true }) @ArrayMaxSize(200) partnerIds: string[];
  /** The lines still not fully pledged, with `quantity` = what is still unpledged. */
  @ValidateNested({ each: true })
  @Type(() => AidRequestLineV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: AidRequestLineV1[];
  @IsDateString() remindedAt: string;
}

/**
 * Fires when a request has stayed open (or partly pledged) longer than the configured time, and again
 * after each further such period. Emitted by aid logistics; notifications reminds the partners.
 */
export const AidRequestReminderDueV1Event = defineEvent({
  type: 'logistics.aid-request.reminder-due.v1',
  topic: Topics.logistics.aidRequest,
  payload: AidRequestReminderDueV1,
  subjectOf: (p) => p.requestId,
  description: 'An aid request has been open too long without being fully pledged: partners are reminded.',
});
