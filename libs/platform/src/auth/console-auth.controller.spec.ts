import * as jose from 'jose';
import { BaseEnv, DEV_JWT_SECRET } from '../config/base.env';
import { DomainError } from '../http/domain.error';
import { ConsoleAuthController } from './console-auth.controller';
import { Role } from './role';

const env = (overrides: Partial<BaseEnv>) =>
  Object.assign(new BaseEnv(), { NODE_ENV: 'development', AUTH_JWT_SECRET: DEV_JWT_SECRET }, overrides);

describe(ConsoleAuthController.name, () => {
  describe('config', () => {
    it('should offer the development sign-in page when development auth is on', () => {
      expect(new ConsoleAuthController(env({})).config()).toEqual({ mode: 'development' });
    });

    it('should point the console at the identity provider when production has a console client id', () => {
      const production = env({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: undefined,
        AUTH_JWKS_URL: 'https://id.example.org/jwks',
        AUTH_ISSUER: 'https://id.example.org',
        AUTH_AUDIENCE: 'bridges',
        CONSOLE_OIDC_CLIENT_ID: 'bridges-console',
      });
      expect(new ConsoleAuthController(production).config()).toEqual({
        mode: 'oidc',
        authority: 'https://id.example.org',
        clientId: 'bridges-console',
        scope: 'openid profile email',
      });
    });

    it('should say sign-in is unavailable when production has no console client id', () => {
      const production = env({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a'.repeat(40) });
      expect(new ConsoleAuthController(production).config()).toEqual({ mode: 'unavailable' });
    });
  });

  describe('devToken', () => {
    it('should mint a token with the chosen role and municipality when development auth is on', async () => {
      const { accessToken, expiresIn } = await new ConsoleAuthController(env({})).devToken({
        role: Role.MunicipalityOfficer,
        municipalityId: '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11',
      });
      const { payload } = await jose.jwtVerify(accessToken, new TextEncoder().encode(DEV_JWT_SECRET));
      expect(payload).toMatchObject({
        roles: [Role.MunicipalityOfficer],
        municipalityId: '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11',
      });
      expect(payload.exp! - payload.iat!).toBe(expiresIn);
    });

    it('should give officers of different municipalities different subjects', async () => {
      const controller = new ConsoleAuthController(env({}));
      const subjectFor = async (municipalityId: string) =>
        jose.decodeJwt(
          (await controller.devToken({ role: Role.MunicipalityOfficer, municipalityId })).accessToken,
        ).sub;

      const hromada = await subjectFor('6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11');
      const euSide = await subjectFor('0b7e5a1c-2d3f-4e5a-8b9c-0d1e2f3a4b5c');

      expect(hromada).not.toBe(euSide);
      expect(hromada).toBe('dev:municipality:officer:6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11');
    });

    it('should not live longer than the service accepts when AUTH_MAX_TOKEN_LIFETIME_SECONDS is short', async () => {
      const controller = new ConsoleAuthController(env({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 600 }));
      expect((await controller.devToken({ role: Role.RegistryCoordinator })).expiresIn).toBe(600);
    });

    it.each([
      ['production', env({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a'.repeat(40) })],
      [
        'an identity provider',
        env({
          AUTH_JWKS_URL: 'https://id.example.org/jwks',
          AUTH_ISSUER: 'https://id.example.org',
          AUTH_AUDIENCE: 'b',
        }),
      ],
    ])('should refuse with 404 when the service runs with %s', async (_case, configured) => {
      const refused = new ConsoleAuthController(configured).devToken({ role: Role.RegistryCoordinator });
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({ code: 'DEV_SIGN_IN_DISABLED', kind: 'not_found' });
    });
  });
});
