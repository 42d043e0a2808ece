import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type {
  EventFormat,
  EventKind,
  EventStatus,
  ParticipantStatus,
} from '@bridges/contracts/events/events/event-vocabulary.v1';
import type { components, paths } from '../generated/api';

/** The events API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

export type CreateEvent = components['schemas']['CreateEventDto'];
export type UpdateEvent = components['schemas']['UpdateEventDto'];
export type Register = components['schemas']['RegisterDto'];
export type Participant = components['schemas']['ParticipantDto'];

/**
 * Responses. The events service does not describe its responses in OpenAPI yet (its controllers answer
 * the mappers' views, not response DTOs), so the few fields the console reads are declared here, as
 * apps/events/src/events/event.mapper.ts and registrations/registration.mapper.ts answer them.
 * Once the service documents them, these declarations go (as they did in the matching console).
 */
export interface EventView {
  id: string;
  kind: EventKind;
  status: EventStatus;
  titleUk: string;
  titleEn: string;
  descriptionUk: string | null;
  descriptionEn: string | null;
  format: EventFormat;
  venue: string | null;
  address: string | null;
  onlineLink?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  workingLanguages: string[];
  capacity: number;
  seatsHeld: number;
  seatsFree: number;
  approvalRequired: boolean;
  access: 'open' | 'invitation-only';
  offerHoldHours: number;
  quotas: { dimension: string; key: string; seats: number; held: number; fromEachRule: boolean }[];
  invitedMunicipalityIds: string[];
  version: number;
}

export interface ParticipantView {
  id: string;
  position: number;
  status: ParticipantStatus;
  fullName: string;
  email: string | null;
  language: string;
  country: string;
  offerExpiresAt: string | null;
  checkInCode: string | null;
  checkedInAt: string | null;
  waitlistPosition: number | null;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  type: 'delegation' | 'individual';
  country: string;
  municipalityId: string | null;
  createdAt: string;
  participants: ParticipantView[];
}

export interface CheckInResult {
  outcome: 'checked-in' | 'already-checked-in';
  participantId: string;
  fullName: string;
  country: string;
  checkedInAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
