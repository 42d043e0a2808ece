import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'bridges:isPublic';

/**
 * Lets a route (or a whole controller) through without a token. Reserved for health probes: every
 * other endpoint is authenticated.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
