import type { BaseEnv } from '../config/base.env';

/**
 * How a console signs its users in, as `GET /auth/console-config` tells it:
 * - `development`: the dev sign-in page mints a token at `POST /auth/dev-token` (HS256, the service's
 *   own AUTH_JWT_SECRET) — only outside production and only when no identity provider is configured;
 * - `oidc`: Authorization Code + PKCE against AUTH_ISSUER with CONSOLE_OIDC_CLIENT_ID, whose access
 *   tokens the service verifies against AUTH_JWKS_URL as it does for every API caller;
 * - `unavailable`: neither is configured (an identity provider without a console client id).
 */
export type ConsoleSignIn =
  | { readonly mode: 'development' }
  | { readonly mode: 'oidc'; readonly authority: string; readonly clientId: string; readonly scope: string }
  | { readonly mode: 'unavailable' };

/** True when this service may mint development tokens for its console's sign-in page. */
export function developmentSignInEnabled(env: BaseEnv): boolean {
  return env.NODE_ENV !== 'production' && !env.AUTH_JWKS_URL && !!env.AUTH_JWT_SECRET;
}

/** The sign-in a console of this service uses (see {@link ConsoleSignIn}). */
export function consoleSignIn(env: BaseEnv): ConsoleSignIn {
  if (developmentSignInEnabled(env)) return { mode: 'development' };
  if (env.AUTH_ISSUER && env.CONSOLE_OIDC_CLIENT_ID) {
    return {
      mode: 'oidc',
      authority: env.AUTH_ISSUER,
      clientId: env.CONSOLE_OIDC_CLIENT_ID,
      scope: env.CONSOLE_OIDC_SCOPE,
    };
  }
  return { mode: 'unavailable' };
}
