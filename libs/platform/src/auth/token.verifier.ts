import { Inject, Injectable } from '@nestjs/common';
import type * as Jose from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { BaseEnv } from '../config/base.env';
import type { AuthenticatedUser } from './authenticated-user';
import { loadJose } from './jose.loader';

/** Why a token was refused; the message is safe to return to the caller. */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/**
 * Verifies bearer tokens with jose: HS256 against AUTH_JWT_SECRET (development), or the identity
 * provider's keys from AUTH_JWKS_URL (production, cached and refreshed by jose). Issuer and audience
 * are checked whenever configured.
 */
@Injectable()
export class TokenVerifier {
  private key?: Promise<Uint8Array | JWTVerifyGetKey>;
  private readonly algorithms: string[];

  constructor(@Inject(BaseEnv) private readonly env: BaseEnv) {
    if (env.AUTH_JWKS_URL) {
      this.algorithms = ASYMMETRIC_ALGORITHMS;
    } else if (env.AUTH_JWT_SECRET) {
      this.algorithms = ['HS256'];
    } else {
      // Config validation makes this unreachable; fail loudly rather than accept anything.
      throw new Error('TokenVerifier needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
    }
  }

  /**
   * @returns the caller described by the token's claims.
   * @throws TokenRejectedError when the token is malformed, badly signed, not yet valid (`nbf`),
   *   expired, lacks `exp` or `sub`, or lives longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS.
   */
  async verify(token: string): Promise<AuthenticatedUser> {
    const jose = await loadJose();
    const key = await this.resolveKey();
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.env.AUTH_ISSUER,
        audience: this.env.AUTH_AUDIENCE,
        // A token without `exp` would never expire: a leaked one would work forever.
        requiredClaims: ['exp'],
      };
      // Two calls because jose types the key and the key-resolver overloads separately.
      payload =
        typeof key === 'function'
          ? (await jose.jwtVerify(token, key, options)).payload
          : (await jose.jwtVerify(token, key, options)).payload;
    } catch (error) {
      throw new TokenRejectedError(describeRejection(jose, error));
    }
    assertLifetimeWithin(payload, this.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS, nowSeconds());
    return toUser(payload);
  }

  /** The HS256 key, or the JWKS resolver (created once: it caches the provider's keys). */
  private resolveKey(): Promise<Uint8Array | JWTVerifyGetKey> {
    this.key ??= loadJose().then((jose) =>
      this.env.AUTH_JWKS_URL
        ? jose.createRemoteJWKSet(new URL(this.env.AUTH_JWKS_URL))
        : new TextEncoder().encode(this.env.AUTH_JWT_SECRET),
    );
    return this.key;
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * A token's lifetime is `exp - iat` as issued (or what is left of it, `exp - now`, when it has no
 * `iat`); longer than `maxSeconds` is refused, so a token minted to last a year is not accepted for one.
 */
function assertLifetimeWithin(payload: JWTPayload, maxSeconds: number, now: number): void {
  const exp = payload.exp!; // required above
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : now;
  if (exp - issuedAt > maxSeconds) {
    throw new TokenRejectedError(`Bearer token lives longer than the accepted ${maxSeconds} s (claim "exp")`);
  }
}

function describeRejection(jose: typeof Jose, error: unknown): string {
  if (error instanceof jose.errors.JWTExpired) return 'Bearer token has expired';
  if (error instanceof jose.errors.JWTClaimValidationFailed)
    return error.reason === 'missing'
      ? `Bearer token has no "${error.claim}" claim`
      : `Bearer token claim "${error.claim}" is not accepted`;
  if (error instanceof jose.errors.JOSEAlgNotAllowed)
    return 'Bearer token uses an algorithm that is not accepted';
  return 'Bearer token is invalid';
}

function optionalString(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function toUser(payload: JWTPayload): AuthenticatedUser {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new TokenRejectedError('Bearer token has no subject (sub)');
  }
  const roles = payload['roles'] ?? [];
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
    throw new TokenRejectedError('Bearer token claim "roles" must be a list of strings');
  }
  return {
    sub: payload.sub,
    roles,
    municipalityId: optionalString(payload, 'municipalityId'),
    name: optionalString(payload, 'name'),
    email: optionalString(payload, 'email'),
  };
}
