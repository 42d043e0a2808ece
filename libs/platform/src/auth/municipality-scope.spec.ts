import { ForbiddenException } from '@nestjs/common';
import { DomainError } from '../http/domain.error';
import type { AuthenticatedUser } from './authenticated-user';
import { assertCanActOnMunicipality, canActOnMunicipality } from './municipality-scope';
import { Role } from './role';

const officer: AuthenticatedUser = { sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: 'm-1' };
const registryCoordinator: AuthenticatedUser = { sub: 'c', roles: [Role.RegistryCoordinator] };

class ThingNotFoundError extends Error {}

describe(canActOnMunicipality.name, () => {
  it('should allow an officer when the municipality is their own', () => {
    expect(canActOnMunicipality(officer, 'm-1')).toBe(true);
  });

  it('should refuse an officer when the municipality is another one', () => {
    expect(canActOnMunicipality(officer, 'm-2')).toBe(false);
  });

  it('should refuse a user when they carry a municipalityId but not the officer role', () => {
    expect(
      canActOnMunicipality({ sub: 'p', roles: [Role.AssociationPublisher], municipalityId: 'm-1' }, 'm-1'),
    ).toBe(false);
  });

  it('should allow a coordinator of this console when acting on any municipality', () => {
    expect(
      canActOnMunicipality(registryCoordinator, 'm-9', { coordinatorRoles: [Role.RegistryCoordinator] }),
    ).toBe(true);
  });

  it('should refuse a coordinator of another console when the console is named', () => {
    expect(
      canActOnMunicipality(registryCoordinator, 'm-9', { coordinatorRoles: [Role.MatchingCoordinator] }),
    ).toBe(false);
  });
});

describe(assertCanActOnMunicipality.name, () => {
  it('should return quietly when an officer acts on their own municipality', () => {
    expect(() => assertCanActOnMunicipality(officer, 'm-1')).not.toThrow();
  });

  it('should return quietly when the officer is on any side of a resource that names several municipalities', () => {
    expect(() => assertCanActOnMunicipality(officer, ['m-7', 'm-1'])).not.toThrow();
  });

  it("should throw the resource's own not-found error when an officer acts on another municipality's resource", () => {
    expect(() =>
      assertCanActOnMunicipality(officer, ['m-2', 'm-3'], { notFound: () => new ThingNotFoundError() }),
    ).toThrow(ThingNotFoundError);
  });

  it('should answer 404 MUNICIPALITY_NOT_FOUND by default when an officer acts on another municipality', () => {
    const error = catchError(() => assertCanActOnMunicipality(officer, 'm-2'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'MUNICIPALITY_NOT_FOUND', kind: 'not_found' });
  });

  it('should throw 403 when the caller coordinates another console only', () => {
    expect(() =>
      assertCanActOnMunicipality(registryCoordinator, 'm-1', {
        coordinatorRoles: [Role.MatchingCoordinator],
        notFound: () => new ThingNotFoundError(),
      }),
    ).toThrow(ForbiddenException);
  });

  it('should throw 403 when an officer token names no municipality', () => {
    expect(() =>
      assertCanActOnMunicipality({ sub: 'o', roles: [Role.MunicipalityOfficer] }, 'm-1', {
        notFound: () => new ThingNotFoundError(),
      }),
    ).toThrow(ForbiddenException);
  });
});

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
