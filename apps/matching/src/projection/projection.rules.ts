/**
 * The projection's rules as pure functions: which snapshot wins, and which profile changes matter for
 * matching. Kept apart from the database so they are unit-tested on their own.
 */

/** What to do with an incoming snapshot or deactivation, given the version held. */
export type SnapshotDecision = 'apply' | 'stale';

/**
 * A snapshot applies only when it is newer than the one held: registry versions grow by one per change,
 * so an equal or lower version is a redelivery or an out-of-order copy and must not overwrite.
 */
export function decideSnapshot(heldVersion: number | null, incomingVersion: number): SnapshotDecision {
  return heldVersion === null || incomingVersion > heldVersion ? 'apply' : 'stale';
}

/** Profile fields whose change can change a score or an eligibility, so matching must look again. */
export const MATERIAL_FIELDS: ReadonlySet<string> = new Set([
  'needs',
  'offers',
  'sectors',
  'priorities',
  'workingLanguages',
  'partnershipCapacity',
  'seekingPartner',
  'population',
  'areaKm2',
  'location',
  'warImpact',
  'settlementType',
  'internationalPartners',
  'country',
  'indicators',
]);

/** The material fields among `changedFields`, in the order given (empty: nothing matching cares about). */
export function materialChanges(changedFields: readonly string[]): string[] {
  return changedFields.filter((f) => MATERIAL_FIELDS.has(f));
}
