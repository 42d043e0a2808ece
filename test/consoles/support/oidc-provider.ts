import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@bridges/testing';
import { startServiceProcess, waitForHealthy } from '../../../tools/dev/service-process';
import type { OidcAccount } from './oidc-provider.main';

export type { OidcAccount };

export interface OidcProvider {
  /** `http://127.0.0.1:<port>`: the `iss` of its tokens, AUTH_ISSUER of the service. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /**
   * Signs an access token with the provider's own key, as it would issue it (for API calls the test
   * makes outside the browser); `issuer` overrides `iss` to show what the service refuses.
   */
  signAccessToken(claims: Record<string, unknown>, options?: { issuer?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the OpenID Connect provider of oidc-provider.main.ts as its own process on a free port, with
 * a signing key made for this run, and waits for its discovery document.
 */
export async function startOidcProvider(options: {
  clientId: string;
  redirectUri: string;
  audience: string;
  accounts: Record<string, OidcAccount>;
  workDir: string;
}): Promise<OidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const process = startServiceProcess({
    name: 'oidc-provider',
    entry: 'test/consoles/support/oidc-provider.main.ts',
    logFile: join(options.workDir, 'oidc-provider.log'),
    env: {
      OIDC_PORT: String(port),
      OIDC_CLIENT_ID: options.clientId,
      OIDC_REDIRECT_URI: options.redirectUri,
      OIDC_AUDIENCE: options.audience,
      OIDC_SIGNING_JWK: JSON.stringify(jwk),
      OIDC_ACCOUNTS: JSON.stringify(options.accounts),
    },
  });
  const discovery = `${issuer}/.well-known/openid-configuration`;
  await waitForHealthy(process, discovery);
  const { jwks_uri: jwksUrl } = (await (await fetch(discovery)).json()) as { jwks_uri: string };
  return {
    issuer,
    jwksUrl,
    signAccessToken: (claims, { issuer: iss = issuer } = {}) =>
      signRs256(privateKey, kid, { iss, aud: options.audience, ...claims }),
    stop: () => process.stop(),
  };
}

async function signRs256(key: KeyObject, kid: string, claims: Record<string, unknown>): Promise<string> {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .setJti(randomUUID())
    .sign(key);
}
