/**
 * oidc-provider ships no type declarations; rather than a second dependency for them, the part of its API the
 * consoles' sign-in test uses (oidc-provider.main.ts), typed from its documentation.
 */
declare module 'oidc-provider' {
  export interface ResourceServer {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg: string } };
  }

  export interface ProviderClient {
    readonly redirectUris?: readonly string[];
  }

  export interface IssuedToken {
    readonly kind: string;
    readonly accountId?: string;
  }

  export interface Account {
    accountId: string;
    claims(): Record<string, unknown>;
  }

  export interface Configuration {
    clients: Record<string, unknown>[];
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    pkce: { required(ctx: unknown, client: ProviderClient): boolean };
    claims: Record<string, string[]>;
    findAccount(ctx: unknown, sub: string): Account | undefined;
    clientBasedCORS(ctx: unknown, origin: string, client: ProviderClient): boolean;
    features: {
      devInteractions: { enabled: boolean };
      resourceIndicators: {
        enabled: boolean;
        defaultResource(ctx: unknown, client: ProviderClient): string;
        useGrantedResource(ctx: unknown): boolean;
        getResourceServerInfo(ctx: unknown, indicator: string, client: ProviderClient): ResourceServer;
      };
    };
    extraTokenClaims(ctx: unknown, token: IssuedToken): Record<string, unknown> | undefined;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number, host: string): unknown;
  }

  export const errors: { InvalidTarget: new () => Error };
}
