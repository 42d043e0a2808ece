import type { PartnershipStatus } from './api';

/**
 * The partnership lifecycle as matching enforces it (apps/matching partnership.lifecycle.ts): the
 * console offers only these steps. Kept equal to the service's table by partnership-transitions.spec.ts.
 */
export const PARTNERSHIP_TRANSITIONS: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = {
  established: ['active', 'ended'],
  active: ['dormant', 'ended'],
  dormant: ['active', 'ended'],
  ended: [],
};
