import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './role';
import { ROLES_KEY } from './roles.decorator';
import { TokenRejectedError, TokenVerifier } from './token.verifier';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked {@link Public}; routes
 * marked {@link Roles} also need one of those roles. 401 for a missing or bad token (with a
 * `WWW-Authenticate` header), 403 for a valid token without the role. Non-HTTP handlers (Kafka) pass:
 * their trust comes from the broker, not from a token.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthenticatedUser }>();
    const res = http.getResponse<Response>();

    const match = BEARER.exec(req.headers.authorization ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('Missing bearer token: send "Authorization: Bearer <token>"');
    }
    try {
      req.user = await this.verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new UnauthorizedException(error.message);
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required?.length && !required.some((role) => req.user!.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
