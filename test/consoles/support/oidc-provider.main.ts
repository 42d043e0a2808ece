/**
 * An organisation's OpenID Connect provider for the consoles' production sign-in test: panva's
 * oidc-provider (a certified implementation) as its own process on 127.0.0.1, started by
 * oidc-provider.ts. One public console client (Authorization Code, PKCE required), and access tokens
 * as RS256 JWTs for one resource (the service's AUTH_AUDIENCE) carrying the account's `roles` and
 * `municipalityId`, as a real provider is configured for Bridges (libs/console-kit README, "Sign-in").
 *
 * Its login and consent pages are the library's built-in ones (`devInteractions`); accounts other than
 * those in OIDC_ACCOUNTS are refused.
 *
 * Env: OIDC_PORT, OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_AUDIENCE, OIDC_SIGNING_JWK (private RSA JWK,
 * JSON), OIDC_ACCOUNTS (JSON: login -> { roles, name, municipalityId? }).
 */
import type { ResourceServer } from 'oidc-provider';

export interface OidcAccount {
  readonly roles: readonly string[];
  readonly name: string;
  readonly municipalityId?: string;
}

/** Access tokens live ten minutes: well inside the services' AUTH_MAX_TOKEN_LIFETIME_SECONDS. */
const ACCESS_TOKEN_SECONDS = 600;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  // oidc-provider ships ES modules only; Node 20 loads them from here with import().
  const { Provider, errors } = await import('oidc-provider');
  const port = Number(required('OIDC_PORT'));
  const clientId = required('OIDC_CLIENT_ID');
  const redirectUri = required('OIDC_REDIRECT_URI');
  const audience = required('OIDC_AUDIENCE');
  const accounts = JSON.parse(required('OIDC_ACCOUNTS')) as Record<string, OidcAccount>;
  const issuer = `http://127.0.0.1:${port}`;

  const resourceServer: ResourceServer = {
    scope: 'bridges',
    audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: ACCESS_TOKEN_SECONDS,
    jwt: { sign: { alg: 'RS256' } },
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        // A browser app keeps no secret: a public client, protected by PKCE.
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [redirectUri],
      },
    ],
    jwks: { keys: [JSON.parse(required('OIDC_SIGNING_JWK')) as Record<string, string>] },
    cookies: { keys: [`${clientId}-cookie-key-for-this-test-run`] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: (_ctx, sub) => {
      const account = accounts[sub];
      return account ? { accountId: sub, claims: () => ({ sub, name: account.name }) } : undefined;
    },
    // The console's origin may call the token endpoint (CORS): it is the origin of its redirect URI.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The console asks for no resource: its tokens are for the one service it belongs to.
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== audience) throw new errors.InvalidTarget();
          return resourceServer;
        },
      },
    },
    // What the services read from an access token (libs/platform TokenVerifier): roles, municipality, name.
    extraTokenClaims: (_ctx, token) => {
      const account = token.accountId ? accounts[token.accountId] : undefined;
      if (!account || token.kind !== 'AccessToken') return undefined;
      return {
        roles: [...account.roles],
        name: account.name,
        ...(account.municipalityId ? { municipalityId: account.municipalityId } : {}),
      };
    },
  });
  provider.listen(port, '127.0.0.1');
  process.stdout.write(`OpenID Connect provider at ${issuer}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
