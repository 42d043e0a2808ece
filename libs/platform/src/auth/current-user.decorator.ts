import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';

/** Injects the {@link AuthenticatedUser} the guard attached: `handle(@CurrentUser() user: AuthenticatedUser)`. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    const user = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    // Only reachable on a @Public() route, where asking for a user is a programming error.
    if (!user) throw new UnauthorizedException('Authentication required');
    return user;
  },
);
