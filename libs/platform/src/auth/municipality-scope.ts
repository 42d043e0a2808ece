import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import { COORDINATOR_ROLES, Role } from './role';

/** Which roles may act on any municipality; defaults to every coordinator role. */
export interface MunicipalityScopeOptions {
  /** The coordinator roles of the console serving this route, e.g. `[Role.RegistryCoordinator]`. */
  readonly coordinatorRoles?: readonly Role[];
}

/**
 * True when `user` coordinates this console, or is an officer of exactly `municipalityId`.
 */
export function canActOnMunicipality(
  user: AuthenticatedUser,
  municipalityId: string,
  options: MunicipalityScopeOptions = {},
): boolean {
  const coordinatorRoles = options.coordinatorRoles ?? COORDINATOR_ROLES;
  if (user.roles.some((r) => (coordinatorRoles as readonly string[]).includes(r))) return true;
  return (
    user.roles.includes(Role.MunicipalityOfficer) &&
    user.municipalityId !== undefined &&
    user.municipalityId === municipalityId
  );
}

/**
 * Throws 403 unless {@link canActOnMunicipality}. Call it in the service or controller once the
 * target municipality is known: `assertCanActOnMunicipality(user, dto.municipalityId, { coordinatorRoles: [Role.RegistryCoordinator] })`.
 */
export function assertCanActOnMunicipality(
  user: AuthenticatedUser,
  municipalityId: string,
  options: MunicipalityScopeOptions = {},
): void {
  if (!canActOnMunicipality(user, municipalityId, options)) {
    throw new ForbiddenException(`Not allowed to act on municipality ${municipalityId}`);
  }
}
