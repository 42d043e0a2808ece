import * as jose from 'jose';
import { BaseEnv, DEV_JWT_SECRET } from '../config/base.env';
import { signDevToken } from './dev-token.signer';
import { Role } from './role';
import { TokenRejectedError, TokenVerifier } from './token.verifier';

function envWith(values: Partial<BaseEnv>): BaseEnv {
  return Object.assign(new BaseEnv(), { NODE_ENV: 'test', AUTH_JWT_SECRET: DEV_JWT_SECRET }, values);
}

describe(TokenVerifier.name, () => {
  describe('verify', () => {
    it('should return the caller when the token is signed with the configured key', async () => {
      const token = await signDevToken({
        secret: DEV_JWT_SECRET,
        sub: 'officer-1',
        roles: [Role.MunicipalityOfficer],
        municipalityId: 'UA05020030000031457',
        name: 'Olena',
        email: 'olena@example.org',
      });

      await expect(new TokenVerifier(envWith({})).verify(token)).resolves.toEqual({
        sub: 'officer-1',
        roles: ['municipality:officer'],
        municipalityId: 'UA05020030000031457',
        name: 'Olena',
        email: 'olena@example.org',
      });
    });

    it('should reject the token when it is signed with another key', async () => {
      const token = await signDevToken({ secret: 'x'.repeat(40), roles: [Role.RegistryCoordinator] });

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toThrow(
        new TokenRejectedError('Bearer token is invalid'),
      );
    });

    it('should reject the token when it has expired', async () => {
      const token = await signDevToken({
        secret: DEV_JWT_SECRET,
        roles: [],
        ttl: Math.floor(Date.now() / 1000) - 60,
      });

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toThrow('Bearer token has expired');
    });

    it('should reject the token when the audience differs from AUTH_AUDIENCE', async () => {
      const token = await signDevToken({ secret: DEV_JWT_SECRET, roles: [], audience: 'someone-else' });

      await expect(new TokenVerifier(envWith({ AUTH_AUDIENCE: 'bridges' })).verify(token)).rejects.toThrow(
        'Bearer token claim "aud" is not accepted',
      );
    });

    it('should reject an unsigned token when HS256 is expected', async () => {
      const token = new jose.UnsecuredJWT({ roles: [Role.RegistryCoordinator] })
        .setSubject('mallory')
        .encode();

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
    });

    const hs256 = (claims: jose.JWTPayload = {}) =>
      new jose.SignJWT({ roles: [Role.RegistryCoordinator], ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u');
    const devKey = new TextEncoder().encode(DEV_JWT_SECRET);

    it('should reject the token when it has no exp claim', async () => {
      const token = await hs256().setIssuedAt().sign(devKey);

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toThrow(
        new TokenRejectedError('Bearer token has no "exp" claim'),
      );
    });

    it('should reject the token when exp - iat exceeds AUTH_MAX_TOKEN_LIFETIME_SECONDS', async () => {
      const token = await hs256().setIssuedAt().setExpirationTime('2h').sign(devKey);

      await expect(
        new TokenVerifier(envWith({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 3600 })).verify(token),
      ).rejects.toThrow('lives longer than the accepted 3600 s');
    });

    it('should reject the token when it has no iat and expires further away than the limit', async () => {
      const token = await hs256().setExpirationTime('2h').sign(devKey);

      await expect(
        new TokenVerifier(envWith({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 3600 })).verify(token),
      ).rejects.toThrow('lives longer than the accepted 3600 s');
    });

    it('should accept the token when its lifetime is exactly the limit', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await hs256({ iat: now })
        .setExpirationTime(now + 3600)
        .sign(devKey);

      await expect(
        new TokenVerifier(envWith({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 3600 })).verify(token),
      ).resolves.toMatchObject({ sub: 'u' });
    });

    it('should reject the token when it is not valid before a future nbf', async () => {
      const token = await hs256().setIssuedAt().setNotBefore('10m').setExpirationTime('1h').sign(devKey);

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toThrow(
        'Bearer token claim "nbf" is not accepted',
      );
    });

    it('should reject an alg none token even when it carries exp', async () => {
      const token = new jose.UnsecuredJWT({ roles: [Role.RegistryCoordinator] })
        .setSubject('mallory')
        .setIssuedAt()
        .setExpirationTime('1h')
        .encode();

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
    });

    it('should reject the token when roles is not a list of strings', async () => {
      const token = await new jose.SignJWT({ roles: 'registry:coordinator' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(DEV_JWT_SECRET));

      await expect(new TokenVerifier(envWith({})).verify(token)).rejects.toThrow(
        '"roles" must be a list of strings',
      );
    });

    it('should verify against the JWKS when AUTH_JWKS_URL is configured', async () => {
      const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
      const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
      const fetchSpy = jest
        .spyOn(globalThis, 'fetch')
        .mockResolvedValue(
          new Response(JSON.stringify({ keys: [jwk] }), { headers: { 'content-type': 'application/json' } }),
        );
      const token = await new jose.SignJWT({ roles: [Role.MatchingCoordinator] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('coord')
        .setIssuer('https://id.example.org/')
        .setAudience('bridges')
        .setExpirationTime('5m')
        .sign(privateKey);
      const verifier = new TokenVerifier(
        envWith({
          AUTH_JWT_SECRET: undefined,
          AUTH_JWKS_URL: 'https://id.example.org/jwks.json',
          AUTH_ISSUER: 'https://id.example.org/',
          AUTH_AUDIENCE: 'bridges',
        }),
      );

      try {
        await expect(verifier.verify(token)).resolves.toMatchObject({
          sub: 'coord',
          roles: ['matching:coordinator'],
        });
        expect(fetchSpy).toHaveBeenCalled();
      } finally {
        fetchSpy.mockRestore();
      }
    });
  });
});
