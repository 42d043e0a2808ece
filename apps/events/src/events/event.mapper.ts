import type { EventSummaryV1 } from '@bridges/contracts';
import type { EventQuotaEntity } from './event-quota.entity';
import type { EventEntity } from './event.entity';

/** An event as the API answers it. `onlineLink` is present only for those allowed to see it. */
export interface EventView extends Omit<EventEntity, 'onlineLink' | 'lat' | 'lon' | 'offerHoldMinutes'> {
  readonly onlineLink?: string | null;
  readonly location: { lat: number; lon: number } | null;
  readonly offerHoldHours: number;
  readonly seatsFree: number;
  /** Explicit rules and the per-key counters derived from `*` rules. */
  readonly quotas: { dimension: string; key: string; seats: number; held: number; fromEachRule: boolean }[];
  readonly invitedMunicipalityIds: string[];
}

export function toEventView(
  event: EventEntity,
  quotas: readonly EventQuotaEntity[],
  invitedMunicipalityIds: readonly string[],
  showOnlineLink: boolean,
): EventView {
  const { onlineLink, lat, lon, offerHoldMinutes, ...rest } = event;
  return {
    ...rest,
    ...(showOnlineLink ? { onlineLink } : {}),
    location: lat !== null && lon !== null ? { lat, lon } : null,
    offerHoldHours: offerHoldMinutes / 60,
    seatsFree: Math.max(0, event.capacity - event.seatsHeld),
    quotas: quotas.map(({ dimension, key, seats, held, fromEachRule }) => ({
      dimension,
      key,
      seats,
      held,
      fromEachRule,
    })),
    invitedMunicipalityIds: [...invitedMunicipalityIds],
  };
}

/** What `events.event.v1` says about an event: never the online link. */
export function toEventSummary(
  event: EventEntity,
  invitedMunicipalityIds: readonly string[],
): EventSummaryV1 {
  return {
    eventId: event.id,
    kind: event.kind,
    status: event.status,
    titleUk: event.titleUk,
    titleEn: event.titleEn,
    format: event.format,
    ...(event.venue ? { venue: event.venue } : {}),
    ...(event.address ? { address: event.address } : {}),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    capacity: event.capacity,
    ...(event.partnershipId ? { partnershipId: event.partnershipId } : {}),
    invitedMunicipalityIds: [...invitedMunicipalityIds],
  };
}
