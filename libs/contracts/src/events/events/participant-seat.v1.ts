import {
  IsDateString,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { LANGUAGE_CODES, type LanguageCode } from '../../vocabulary/languages';
import { ParticipantStatus } from './event-vocabulary.v1';

/**
 * One participant's seat at one moment: the part every `events.registration.v1` event shares. Carries
 * the person's name, email and language because notifications writes to them (in that language);
 * they are erased from the events database after the event (privacy retention).
 */
export class ParticipantSeatV1 {
  @IsUUID() registrationId: string;
  @IsUUID() eventId: string;
  @IsUUID() participantId: string;
  @IsIn(Object.values(ParticipantStatus)) status: ParticipantStatus;
  @IsISO31661Alpha2() country: string;
  @IsOptional() @IsUUID() municipalityId?: string;
  @IsOptional() @IsUUID() associationId?: string;
  @IsString() @MaxLength(200) fullName: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsIn(LANGUAGE_CODES) language: LanguageCode;
  @IsDateString() changedAt: string;
}
