import { randomUUID } from 'node:crypto';

let counter = 0;

/** A valid `POST /events` body: an open in-person forum next year, overridable field by field. */
export function forumBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const year = new Date().getUTCFullYear() + 1;
  return {
    kind: 'solidarity-forum',
    titleUk: 'Форум солідарності Польща–Україна',
    titleEn: 'Poland–Ukraine Solidarity Forum',
    organiserType: 'association',
    organiserId: randomUUID(),
    format: 'in-person',
    venue: 'Centrum Konferencyjne',
    address: 'ul. Prosta 1, Warszawa',
    location: { lat: 52.2297, lon: 21.0122 },
    startsAt: `${year}-03-10T09:00:00+01:00`,
    endsAt: `${year}-03-11T17:00:00+01:00`,
    timeZone: 'Europe/Warsaw',
    workingLanguages: ['uk', 'pl', 'en'],
    interpretationLanguages: ['uk', 'pl'],
    capacity: 400,
    approvalRequired: false,
    access: 'open',
    ...overrides,
  };
}

/** A participant of a registration. */
export function person(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    fullName: `Participant ${counter}`,
    email: `p${counter}@example.org`,
    language: 'uk',
    ...overrides,
  };
}

/** A delegation of `size` from `country` (and a municipality when given). */
export function delegation(
  country: string,
  size = 1,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: size === 1 ? 'individual' : 'delegation',
    country,
    participants: Array.from({ length: size }, () => person()),
    ...overrides,
  };
}
