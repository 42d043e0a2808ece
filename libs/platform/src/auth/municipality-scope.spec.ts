import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import { assertCanActOnMunicipality, canActOnMunicipality } from './municipality-scope';
import { Role } from './role';

const officer: AuthenticatedUser = { sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: 'm-1' };
const registryCoordinator: AuthenticatedUser = { sub: 'c', roles: [Role.RegistryCoordinator] };

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
  it('should throw 403 when an officer acts on another municipality', () => {
    expect(() => assertCanActOnMunicipality(officer, 'm-2')).toThrow(ForbiddenException);
  });

  it('should return quietly when an officer acts on their own municipality', () => {
    expect(() => assertCanActOnMunicipality(officer, 'm-1')).not.toThrow();
  });
});
