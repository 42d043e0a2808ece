import { ForbiddenException } from '@nestjs/common';
import { Role, assertCanActOnMunicipality, type AuthenticatedUser } from '@bridges/platform';

/** The aid logistics console's coordinators: they act on any municipality. */
export const LOGISTICS_COORDINATORS = [Role.LogisticsCoordinator] as const;

export function isLogisticsCoordinator(user: AuthenticatedUser): boolean {
  return user.roles.includes(Role.LogisticsCoordinator);
}

/**
 * The platform's one rule for "not yours", with logistics' coordinators: passes for a logistics coordinator
 * or an officer of one of `municipalityIds`; an officer of another municipality gets `notFound()` (the
 * resource's own 404, as if it did not exist); anyone else 403.
 */
export function assertInScope(
  user: AuthenticatedUser,
  municipalityIds: readonly string[],
  notFound?: () => Error,
): void {
  assertCanActOnMunicipality(user, municipalityIds, { coordinatorRoles: LOGISTICS_COORDINATORS, notFound });
}

/** The officer's own municipality; 403 for a token that is neither a logistics coordinator nor an officer. */
export function officerMunicipality(user: AuthenticatedUser): string | undefined {
  if (isLogisticsCoordinator(user)) return undefined;
  if (!user.roles.includes(Role.MunicipalityOfficer) || !user.municipalityId)
    throw new ForbiddenException('Requires the logistics coordinator role or a municipality officer');
  return user.municipalityId;
}
