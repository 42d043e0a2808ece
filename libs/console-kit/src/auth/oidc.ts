import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { CONSOLE_BASE } from '../ui/route-match';

/** The identity provider settings the service announces at GET /auth/console-config. */
export interface OidcSettings {
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

/**
 * Production sign-in: OpenID Connect Authorization Code + PKCE (oidc-client-ts), redirecting back to
 * /console/. The access token it yields is what the service verifies against AUTH_JWKS_URL; its
 * `roles` (and `municipalityId`) claims decide what the console shows.
 */
export function createUserManager(settings: OidcSettings): UserManager {
  const redirect = `${window.location.origin}${CONSOLE_BASE}/`;
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: redirect,
    post_logout_redirect_uri: redirect,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** True when the browser is coming back from the identity provider with an authorization code. */
export function isSignInCallback(search: URLSearchParams): boolean {
  return search.has('code') && search.has('state');
}
