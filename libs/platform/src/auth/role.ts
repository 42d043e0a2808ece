/**
 * Every role a Bridges token can carry: `<console>:<duty>` for coordinators of one service's console,
 * plus the municipality officer (scoped by `municipalityId`) and association systems that publish.
 * Wire values: they appear in tokens issued by the identity provider, so never rename one in place.
 */
export const Role = {
  RegistryCoordinator: 'registry:coordinator',
  MatchingCoordinator: 'matching:coordinator',
  LogisticsCoordinator: 'logistics:coordinator',
  EventsCoordinator: 'events:coordinator',
  NotificationsAdmin: 'notifications:admin',
  MunicipalityOfficer: 'municipality:officer',
  AssociationPublisher: 'association:publisher',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

/** All role values, e.g. for validating CLI input. */
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that may act on any municipality in their own console. */
export const COORDINATOR_ROLES: readonly Role[] = [
  Role.RegistryCoordinator,
  Role.MatchingCoordinator,
  Role.LogisticsCoordinator,
  Role.EventsCoordinator,
  Role.NotificationsAdmin,
];

/** Narrows a string to a known {@link Role}. */
export function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}
