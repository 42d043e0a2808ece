/** Who is signed in to this console, as read from the bearer token the services verify. */
export interface Session {
  readonly accessToken: string;
  readonly sub: string;
  readonly roles: readonly string[];
  readonly municipalityId?: string;
  readonly name?: string;
  /** Unix seconds. */
  readonly expiresAt: number;
}

const STORAGE_KEY = 'bridges.console.session';

/**
 * Reads a JWT's claims without verifying it: the console only uses them to decide what to show; the
 * service verifies every request. Returns undefined for anything that is not a JWT with `sub`/`exp`.
 */
export function sessionFromToken(accessToken: string): Session | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
    return {
      accessToken,
      sub: claims.sub,
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      municipalityId: typeof claims.municipalityId === 'string' ? claims.municipalityId : undefined,
      name: typeof claims.name === 'string' ? claims.name : undefined,
      expiresAt: claims.exp,
    };
  } catch {
    return undefined;
  }
}

/** The session kept for this browser tab (sessionStorage: closing the tab signs out). */
export function loadSession(storage: Pick<Storage, 'getItem'>, nowSeconds: number): Session | undefined {
  const token = storage.getItem(STORAGE_KEY);
  const session = token ? sessionFromToken(token) : undefined;
  return session && session.expiresAt > nowSeconds ? session : undefined;
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, session?: Session): void {
  if (session) storage.setItem(STORAGE_KEY, session.accessToken);
  else storage.removeItem(STORAGE_KEY);
}
