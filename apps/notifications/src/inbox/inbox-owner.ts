import { Role, type AuthenticatedUser } from '@bridges/platform';

/** Inbox of one console user. */
export function userInbox(sub: string): string {
  return `user:${sub}`;
}

/** Inbox shared by a municipality's officers. */
export function municipalityInbox(municipalityId: string): string {
  return `municipality:${municipalityId}`;
}

/** Every inbox the caller reads: their own and, for an officer, their municipality's. */
export function inboxesOf(user: AuthenticatedUser): string[] {
  const keys = [userInbox(user.sub)];
  if (user.roles.includes(Role.MunicipalityOfficer) && user.municipalityId) {
    keys.push(municipalityInbox(user.municipalityId));
  }
  return keys;
}
