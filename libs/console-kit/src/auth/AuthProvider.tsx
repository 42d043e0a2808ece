import { useQuery } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call } from '../api/api-client';
import { loadSession, saveSession, sessionFromToken, type Session } from './session';
import { createUserManager, isSignInCallback, type OidcSettings } from './oidc';

/** What GET /auth/console-config answers (libs/platform ConsoleSignIn). */
export type SignInConfig =
  { mode: 'development' } | ({ mode: 'oidc' } & OidcSettings) | { mode: 'unavailable' };

interface AuthValue {
  readonly session?: Session;
  readonly signInConfig?: SignInConfig;
  readonly signInConfigError?: unknown;
  /** Development: sign in with a token minted by the service. */
  signInWithToken(token: string): void;
  /** Production: go to the identity provider. */
  signInWithProvider(): Promise<void>;
  signOut(): void;
  hasRole(...roles: string[]): boolean;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

/** The token the API client sends; module state so the client (created once) always reads the current one. */
let currentToken: string | undefined;
export const authToken = (): string | undefined => currentToken;
let onUnauthorized: () => void = () => undefined;
export const signalUnauthorized = (): void => onUnauthorized();

async function fetchSignInConfig(): Promise<SignInConfig> {
  const pending = fetch('/auth/console-config').then(async (response) => ({
    response,
    data: response.ok ? ((await response.json()) as SignInConfig) : undefined,
    error: response.ok ? undefined : ((await response.json().catch(() => undefined)) as unknown),
  }));
  return (await call(pending)).data;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(() => loadSession(window.sessionStorage, Date.now() / 1000));
  const config = useQuery({ queryKey: ['console-config'], queryFn: fetchSignInConfig, staleTime: Infinity });
  const manager = useRef<UserManager | undefined>(undefined);

  currentToken = session?.accessToken;
  const signInWithToken = (token: string) => {
    const next = sessionFromToken(token);
    saveSession(window.sessionStorage, next);
    currentToken = next?.accessToken;
    setSession(next);
  };
  const signOut = () => {
    saveSession(window.sessionStorage, undefined);
    currentToken = undefined;
    setSession(undefined);
    void manager.current?.removeUser();
  };
  onUnauthorized = signOut;

  // Coming back from the identity provider: exchange the code (PKCE) and keep the access token.
  const oidc = config.data?.mode === 'oidc' ? config.data : undefined;
  useEffect(() => {
    if (!oidc) return;
    manager.current = createUserManager(oidc);
    const search = new URLSearchParams(window.location.search);
    if (!isSignInCallback(search)) return;
    void manager.current.signinCallback().then((user) => {
      window.history.replaceState(null, '', window.location.pathname);
      if (user) signInWithToken(user.access_token);
    });
  }, [oidc?.authority, oidc?.clientId]);

  const value = useMemo<AuthValue>(
    () => ({
      session,
      signInConfig: config.data,
      signInConfigError: config.error ?? undefined,
      signInWithToken,
      signInWithProvider: async () => {
        await manager.current?.signinRedirect();
      },
      signOut,
      hasRole: (...roles: string[]) => !!session?.roles.some((r) => roles.includes(r)),
    }),
    [session, config.data, config.error],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
