import { loadJose } from './jose.loader';
import type { Role } from './role';

/** What a development token asserts. */
export interface DevTokenOptions {
  /** HS256 key: the service's AUTH_JWT_SECRET (or the development default). */
  readonly secret: string;
  readonly roles: readonly Role[];
  readonly sub?: string;
  readonly municipalityId?: string;
  readonly name?: string;
  readonly email?: string;
  /**
   * Lifetime in jose notation ('8h', '30m') or an absolute `exp` in unix seconds; 8h by default.
   * Services refuse tokens living longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (12 h by default).
   */
  readonly ttl?: string | number;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * The subject of a development token: one per role set and municipality, so that decisions recorded
 * with different development tokens (e.g. the hromada's and the EU side's officer) name different
 * people. tools/dev/mint-token.mjs derives the same.
 */
export function devTokenSubject(roles: readonly Role[], municipalityId?: string): string {
  return `dev:${roles.join('+')}${municipalityId ? `:${municipalityId}` : ''}`;
}

/**
 * Signs an HS256 token services accept when configured with the same AUTH_JWT_SECRET. For local use
 * and tests only: production verifies against the identity provider's JWKS.
 */
export async function signDevToken(options: DevTokenOptions): Promise<string> {
  const claims: Record<string, unknown> = { roles: [...options.roles] };
  if (options.municipalityId) claims['municipalityId'] = options.municipalityId;
  if (options.name) claims['name'] = options.name;
  if (options.email) claims['email'] = options.email;

  const jose = await loadJose();
  let jwt = new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub ?? devTokenSubject(options.roles, options.municipalityId))
    .setIssuedAt()
    .setExpirationTime(options.ttl ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
