import { ForbiddenException } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '../http/domain.error';
import type { AuthenticatedUser } from './authenticated-user';
import { COORDINATOR_ROLES, Role } from './role';

/** Which roles may act on any municipality, and what "not found" looks like for the resource at hand. */
export interface MunicipalityScopeOptions {
  /** The coordinator roles of the console serving this route, e.g. `[Role.RegistryCoordinator]`; default: every coordinator role. */
  readonly coordinatorRoles?: readonly Role[];
  /**
   * The resource's own "does not exist" error (e.g. `() => new ProposalNotFoundError(id)`), thrown for an
   * officer of another municipality so the answer is exactly the one for a resource that does not exist.
   * Default: 404 `MUNICIPALITY_NOT_FOUND`.
   */
  readonly notFound?: () => Error;
}

/**
 * True when `user` coordinates this console, or is an officer of exactly `municipalityId`.
 */
export function canActOnMunicipality(
  user: AuthenticatedUser,
  municipalityId: string,
  options: MunicipalityScopeOptions = {},
): boolean {
  return isCoordinator(user, options) || officerMunicipality(user) === municipalityId;
}

/**
 * The one rule for "not yours", in every service. Passes for a coordinator of this console and for an
 * officer of (one of) `municipalityIds`. An officer of another municipality gets `notFound()`, a 404 that
 * does not reveal whether the resource exists; a caller with no role that reaches municipalities here
 * (another console's coordinator, an officer token without a municipality) gets 403. Call it once the
 * resource's municipalities are known:
 * `assertCanActOnMunicipality(user, [p.hromadaId, p.euMunicipalityId], { coordinatorRoles, notFound: () => new ProposalNotFoundError(id) })`.
 */
export function assertCanActOnMunicipality(
  user: AuthenticatedUser,
  municipalityIds: string | readonly string[],
  options: MunicipalityScopeOptions = {},
): void {
  if (isCoordinator(user, options)) return;
  const own = officerMunicipality(user);
  const ids = typeof municipalityIds === 'string' ? [municipalityIds] : municipalityIds;
  if (own === undefined) {
    throw new ForbiddenException(`Requires a coordinator role of this console or a municipality officer`);
  }
  if (ids.includes(own)) return;
  throw options.notFound?.() ?? municipalityNotFound(ids[0] ?? '');
}

function isCoordinator(user: AuthenticatedUser, options: MunicipalityScopeOptions): boolean {
  const coordinatorRoles = options.coordinatorRoles ?? COORDINATOR_ROLES;
  return user.roles.some((r) => (coordinatorRoles as readonly string[]).includes(r));
}

/** The municipality an officer's token is scoped to; undefined for anyone else. */
function officerMunicipality(user: AuthenticatedUser): string | undefined {
  return user.roles.includes(Role.MunicipalityOfficer) ? user.municipalityId : undefined;
}

function municipalityNotFound(id: string): DomainError {
  return new DomainError(
    'MUNICIPALITY_NOT_FOUND',
    DomainErrorKind.NotFound,
    `Municipality ${id} does not exist`,
  );
}
