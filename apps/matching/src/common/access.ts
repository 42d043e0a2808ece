import { ForbiddenException } from '@nestjs/common';
import { Role, assertCanActOnMunicipality, type AuthenticatedUser } from '@bridges/platform';

/** The matching console's coordinators: they act on any municipality. */
export const MATCHING_COORDINATORS = [Role.MatchingCoordinator] as const;

/** True for a matching coordinator. */
export function isMatchingCoordinator(user: AuthenticatedUser): boolean {
  return user.roles.includes(Role.MatchingCoordinator);
}

/**
 * The platform's one rule for "not yours", with matching's coordinators: passes for a matching
 * coordinator or an officer of one of `municipalityIds`; an officer of another municipality gets
 * `notFound()` (the resource's own 404, as if it did not exist); anyone else 403.
 */
export function assertInScope(
  user: AuthenticatedUser,
  municipalityIds: readonly string[],
  notFound: () => Error,
): void {
  assertCanActOnMunicipality(user, municipalityIds, { coordinatorRoles: MATCHING_COORDINATORS, notFound });
}

/**
 * The municipality a list is limited to: an officer's own, or the coordinator's filter if any. An officer
 * naming another municipality gets 404 (same rule as for one resource); a token that is neither a
 * matching coordinator nor an officer of a municipality gets 403.
 */
export function scopeMunicipality(
  user: AuthenticatedUser,
  requested: string | undefined,
): string | undefined {
  // Without `notFound`, the platform answers 404 MUNICIPALITY_NOT_FOUND, as for a municipality that does not exist.
  if (requested) assertCanActOnMunicipality(user, requested, { coordinatorRoles: MATCHING_COORDINATORS });
  if (isMatchingCoordinator(user)) return requested;
  if (!user.roles.includes(Role.MunicipalityOfficer) || !user.municipalityId) {
    throw new ForbiddenException('Municipality officers see only their own municipality');
  }
  return user.municipalityId;
}
