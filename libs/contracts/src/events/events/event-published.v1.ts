import {
  ArrayMaxSize,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { Topics } from '../../topics';
import { defineEvent } from '../event-definition';
import { EventFormat, EventKind, EventStatus } from './event-vocabulary.v1';

/** What subscribers need to know about an event; never the online link (only confirmed people get it). */
export class EventSummaryV1 {
  @IsUUID() eventId: string;
  @IsIn(Object.values(EventKind)) kind: EventKind;
  @IsIn(Object.values(EventStatus)) status: EventStatus;
  @IsString() @MaxLength(300) titleUk: string;
  @IsString() @MaxLength(300) titleEn: string;
  @IsIn(Object.values(EventFormat)) format: EventFormat;
  @IsOptional() @IsString() @MaxLength(300) venue?: string;
  @IsOptional() @IsString() @MaxLength(500) address?: string;
  @IsDateString() startsAt: string;
  @IsDateString() endsAt: string;
  /** IANA time zone the event is held in, e.g. `Europe/Warsaw`. */
  @IsString() @MaxLength(64) timeZone: string;
  @IsInt() @Min(0) capacity: number;
  @IsOptional() @IsUUID() partnershipId?: string;
  /** Municipalities invited to an invitation-only event (both partners of a kick-off meeting). */
  @IsUUID('all', { each: true }) @ArrayMaxSize(500) invitedMunicipalityIds: string[];
}

/** Fires when a coordinator publishes an event (registration opens). Emitted by events. */
export const EventPublishedV1Event = defineEvent({
  type: 'events.event.published.v1',
  topic: Topics.events.event,
  payload: EventSummaryV1,
  subjectOf: (p) => p.eventId,
  description: 'An event was published: it is visible and registration opens in its window.',
});
