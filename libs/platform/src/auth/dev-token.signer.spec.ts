import * as jose from 'jose';
import { DEV_JWT_SECRET } from '../config/base.env';
import { signDevToken } from './dev-token.signer';
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
});
