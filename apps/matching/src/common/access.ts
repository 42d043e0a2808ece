import { Role, canActOnMunicipality, type AuthenticatedUser } from '@bridges/platform';

/** The matching console's coordinators: they act on any municipality. */
export const MATCHING_COORDINATORS = [Role.MatchingCoordinator] as const;

/** True for a matching coordinator. */
export function isMatchingCoordinator(user: AuthenticatedUser): boolean {
  return user.roles.includes(Role.MatchingCoordinator);
}

/** True when `user` coordinates matching or is an officer of one of `municipalityIds`. */
export function canActOnAny(user: AuthenticatedUser, ...municipalityIds: string[]): boolean {
  return municipalityIds.some((id) =>
    canActOnMunicipality(user, id, { coordinatorRoles: MATCHING_COORDINATORS }),
  );
}
