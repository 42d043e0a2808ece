/** The caller, as proven by a verified bearer token. Attached to the request as `req.user`. */
export interface AuthenticatedUser {
  /** Stable subject id from the identity provider. */
  readonly sub: string;
  /** Role claims as issued; compare with `Role` values. */
  readonly roles: readonly string[];
  /** The officer's municipality; absent for coordinators. */
  readonly municipalityId?: string;
  readonly name?: string;
  readonly email?: string;
}
