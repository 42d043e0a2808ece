import * as jose from 'jose';
import { DEV_JWT_SECRET } from '../config/base.env';
import { devTokenSubject, signDevToken } from './dev-token.signer';
import { Role } from './role';

describe(signDevToken.name, () => {
  it('should set iat and an exp 8 h later when no ttl is given', async () => {
    const claims = jose.decodeJwt(
      await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.RegistryCoordinator] }),
    );

    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
  });

  it('should set exp from the ttl when one is given', async () => {
    const claims = jose.decodeJwt(await signDevToken({ secret: DEV_JWT_SECRET, roles: [], ttl: '30m' }));

    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it('should give officers of different municipalities, and different roles, different subjects when none is given', async () => {
    const subjectOf = async (roles: Role[], municipalityId?: string) =>
      jose.decodeJwt(await signDevToken({ secret: DEV_JWT_SECRET, roles, municipalityId })).sub;

    const subjects = [
      await subjectOf([Role.MunicipalityOfficer], '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11'),
      await subjectOf([Role.MunicipalityOfficer], '0b7e5a1c-2d3f-4e5a-8b9c-0d1e2f3a4b5c'),
      await subjectOf([Role.MatchingCoordinator]),
      await subjectOf([Role.MatchingCoordinator, Role.RegistryCoordinator]),
    ];

    expect(new Set(subjects).size).toBe(4);
    expect(subjects[0]).toBe('dev:municipality:officer:6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11');
  });

  it('should keep the subject it is given', async () => {
    const claims = jose.decodeJwt(
      await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.RegistryCoordinator], sub: 'u-1' }),
    );

    expect(claims.sub).toBe('u-1');
  });
});

describe(devTokenSubject.name, () => {
  it('should name the roles and the municipality', () => {
    expect(devTokenSubject([Role.RegistryCoordinator])).toBe('dev:registry:coordinator');
    expect(devTokenSubject([Role.MunicipalityOfficer], 'm-1')).toBe('dev:municipality:officer:m-1');
  });
});
