import { AidRequestStatus } from '@bridges/contracts';

/** The part of a line that decides where its request stands. */
export interface LineProgress {
  readonly quantity: number;
  readonly pledged: number;
  readonly received: number;
}

/** Statuses in which partners may pledge (the request is published and not finished). */
export const PLEDGEABLE_STATUSES: readonly AidRequestStatus[] = [
  AidRequestStatus.Open,
  AidRequestStatus.PartlyPledged,
  AidRequestStatus.FullyPledged,
];

/**
 * Where a published request stands given its lines: closed once every line is received in full, else by
 * pledges (none → open, all lines covered → fully pledged, otherwise partly). Draft, closed and cancelled
 * are decided by people, never derived away.
 */
export function deriveRequestStatus(
  current: AidRequestStatus,
  lines: readonly LineProgress[],
): AidRequestStatus {
  if (!PLEDGEABLE_STATUSES.includes(current)) return current;
  if (lines.length > 0 && lines.every((l) => l.received >= l.quantity)) return AidRequestStatus.Closed;
  if (lines.every((l) => l.pledged === 0)) return AidRequestStatus.Open;
  if (lines.every((l) => l.pledged >= l.quantity)) return AidRequestStatus.FullyPledged;
  return AidRequestStatus.PartlyPledged;
}

/** Steps people take: publish a draft; close or cancel an unfinished request. */
export function allowedRequestActions(status: AidRequestStatus): AidRequestStatus[] {
  if (status === AidRequestStatus.Draft) return [AidRequestStatus.Open, AidRequestStatus.Cancelled];
  if (PLEDGEABLE_STATUSES.includes(status)) return [AidRequestStatus.Closed, AidRequestStatus.Cancelled];
  return [];
}
