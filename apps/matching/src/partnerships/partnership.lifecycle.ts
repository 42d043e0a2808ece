import { PartnershipStatus } from '@bridges/contracts';

/**
 * The partnership lifecycle: established → active (agreement signed) → dormant ↔ active → ended.
 * A partnership may also end before it ever became active. Ended is final.
 */
export const PARTNERSHIP_TRANSITIONS: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = {
  [PartnershipStatus.Established]: [PartnershipStatus.Active, PartnershipStatus.Ended],
  [PartnershipStatus.Active]: [PartnershipStatus.Dormant, PartnershipStatus.Ended],
  [PartnershipStatus.Dormant]: [PartnershipStatus.Active, PartnershipStatus.Ended],
  [PartnershipStatus.Ended]: [],
};

/** Statuses reachable from `from` in one step. */
export function allowedTransitions(from: PartnershipStatus): readonly PartnershipStatus[] {
  return PARTNERSHIP_TRANSITIONS[from];
}

/** Whether `from → to` is a lifecycle step. */
export function canTransition(from: PartnershipStatus, to: PartnershipStatus): boolean {
  return PARTNERSHIP_TRANSITIONS[from].includes(to);
}
