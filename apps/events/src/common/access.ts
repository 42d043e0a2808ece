import { ForbiddenException } from '@nestjs/common';
import { Role, assertCanActOnMunicipality, type AuthenticatedUser } from '@bridges/platform';

/** The events console's coordinators: they act on any event and any delegation. */
export const EVENTS_COORDINATORS = [Role.EventsCoordinator] as const;

export function isEventsCoordinator(user: AuthenticatedUser): boolean {
  return user.roles.includes(Role.EventsCoordinator);
}

/** The municipality an officer's token is scoped to; 403 for a token that is neither coordinator nor officer. */
export function officerMunicipalityOf(user: AuthenticatedUser): string {
  if (!user.roles.includes(Role.MunicipalityOfficer) || !user.municipalityId) {
    throw new ForbiddenException('Requires the events coordinator role or a municipality officer');
  }
  return user.municipalityId;
}

/**
 * The platform's one rule for "not yours", with the events console's coordinators: passes for an events
 * coordinator or an officer of one of `municipalityIds`; an officer of another municipality gets
 * `notFound()` (as if the resource did not exist); anyone else 403. A resource of no municipality
 * (`[]`) is the coordinators' alone.
 */
export function assertInScope(
  user: AuthenticatedUser,
  municipalityIds: readonly string[],
  notFound: () => Error,
): void {
  assertCanActOnMunicipality(user, municipalityIds, { coordinatorRoles: EVENTS_COORDINATORS, notFound });
}
