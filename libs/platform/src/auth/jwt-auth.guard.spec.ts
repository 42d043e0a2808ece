import {
  Controller,
  ForbiddenException,
  Get,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BaseEnv, DEV_JWT_SECRET } from '../config/base.env';
import { signDevToken } from './dev-token.signer';
import { JwtAuthGuard } from './jwt-auth.guard';
import { Public } from './public.decorator';
import { Role } from './role';
import { Roles } from './roles.decorator';
import { TokenVerifier } from './token.verifier';

@Controller()
class SampleController {
  @Get() @Public() open(): void {}
  @Get() any(): void {}
  @Get() @Roles(Role.RegistryCoordinator, Role.MunicipalityOfficer) scoped(): void {}
}

function httpContext(handler: keyof SampleController, authorization?: string) {
  const req: Record<string, unknown> = { headers: authorization ? { authorization } : {} };
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (headers[k] = v) };
  const context = {
    getType: () => 'http',
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
  return { context, req, headers };
}

describe(JwtAuthGuard.name, () => {
  const env = Object.assign(new BaseEnv(), { NODE_ENV: 'test', AUTH_JWT_SECRET: DEV_JWT_SECRET });
  const guard = new JwtAuthGuard(new Reflector(), new TokenVerifier(env));
  const token = (...roles: Role[]) => signDevToken({ secret: DEV_JWT_SECRET, roles, sub: 'u-1' });

  describe('canActivate', () => {
    it('should let the request through without a token when the route is public', async () => {
      await expect(guard.canActivate(httpContext('open').context)).resolves.toBe(true);
    });

    it('should throw 401 with a WWW-Authenticate header when no token is sent', async () => {
      const { context, headers } = httpContext('any');

      await expect(guard.canActivate(context)).rejects.toThrow(UnauthorizedException);
      expect(headers['WWW-Authenticate']).toBe('Bearer');
    });

    it('should throw 401 when the token is not a valid JWT', async () => {
      await expect(guard.canActivate(httpContext('any', 'Bearer not.a.jwt').context)).rejects.toThrow(
        new UnauthorizedException('Bearer token is invalid'),
      );
    });

    it('should attach the user when the token is valid and no role is required', async () => {
      const { context, req } = httpContext('any', `Bearer ${await token(Role.AssociationPublisher)}`);

      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(req.user).toMatchObject({ sub: 'u-1', roles: ['association:publisher'] });
    });

    it('should throw 403 when the token lacks every required role', async () => {
      const { context } = httpContext('scoped', `Bearer ${await token(Role.MatchingCoordinator)}`);

      await expect(guard.canActivate(context)).rejects.toThrow(ForbiddenException);
    });

    it('should allow the request when the token has one of the required roles', async () => {
      const { context } = httpContext('scoped', `Bearer ${await token(Role.MunicipalityOfficer)}`);

      await expect(guard.canActivate(context)).resolves.toBe(true);
    });

    it('should let non-HTTP handlers through when called from a Kafka consumer', async () => {
      const context = { getType: () => 'rpc' } as unknown as ExecutionContext;

      await expect(guard.canActivate(context)).resolves.toBe(true);
    });
  });
});
