/**
 * The quick start's events, created over the events service's HTTP API as a coordinator would: the
 * Poland–Ukraine solidarity forum (400 seats, 150 for Polish and 250 for Ukrainian delegations) partly
 * filled, the Polish quota full and ten Polish delegates on the waiting list; and the summer school for
 * 36 children from Dolyna hosted by Šiauliai district. Kick-off meetings need no seed: the events service
 * drafts one for each partnership matching establishes. Idempotent: an event with the same English title
 * is left as it is.
 */
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';

export const DEMO_FORUM_TITLE = 'Poland–Ukraine Solidarity Forum';
export const DEMO_SUMMER_SCHOOL_TITLE = 'Summer school in Šiauliai district for children from Dolyna';

const FIRST_NAMES_UK = [
  'Олена',
  'Андрій',
  'Ірина',
  'Тарас',
  'Марія',
  'Богдан',
  'Софія',
  'Остап',
  'Наталія',
  'Юрій',
];
const LAST_NAMES_UK = [
  'Коваленко',
  'Бондар',
  'Мельник',
  'Шевчук',
  'Ткаченко',
  'Кравець',
  'Олійник',
  'Лисенко',
];
const FIRST_NAMES_PL = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Paweł', 'Agnieszka', 'Marek'];
const LAST_NAMES_PL = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska'];

const pick = (list: readonly string[], i: number) => list[i % list.length];

/** Demo people: names from small lists, example.org addresses (the mail sink shows what would be sent). */
function delegate(country: 'PL' | 'UA', i: number) {
  const [first, last] = country === 'PL' ? [FIRST_NAMES_PL, LAST_NAMES_PL] : [FIRST_NAMES_UK, LAST_NAMES_UK];
  return {
    fullName: `${pick(first, i)} ${pick(last, Math.floor(i / first.length))}`,
    email: `demo-${country.toLowerCase()}-${i}@example.org`,
    language: country === 'PL' ? 'pl' : 'uk',
    roleTitle: i % 10 === 0 ? 'Head of delegation' : 'Delegate',
    interpretationInto: country === 'PL' ? 'pl' : 'uk',
    accommodationNights: [] as string[],
  };
}

function nextYear(): number {
  return new Date().getUTCFullYear() + 1;
}

export interface DemoEventsOutcome {
  readonly forum: 'created' | 'existing';
  readonly summerSchool: 'created' | 'existing';
}

/** Creates the demo events on the events service at `baseUrl` unless they exist. */
export async function seedDemoEvents(baseUrl: string): Promise<DemoEventsOutcome> {
  const token = await signDevToken({
    secret: DEV_JWT_SECRET,
    roles: [Role.EventsCoordinator],
    sub: 'demo-seed',
  });
  const call = async (method: string, path: string, body?: unknown, expected = [200, 201]) => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!expected.includes(res.status))
      throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const existing = (await call('GET', '/events?limit=200')) as { items: { titleEn: string }[] };
  const has = (title: string) => existing.items.some((e) => e.titleEn === title);
  const publish = (id: string) => call('POST', `/events/${id}/status`, { status: 'published' });
  const year = nextYear();

  let forum: DemoEventsOutcome['forum'] = 'existing';
  if (!has(DEMO_FORUM_TITLE)) {
    const created = await call('POST', '/events', {
      kind: 'solidarity-forum',
      titleUk: 'Форум солідарності Польща–Україна',
      titleEn: DEMO_FORUM_TITLE,
      titleHost: 'Forum Solidarności Polska–Ukraina',
      hostLanguage: 'pl',
      descriptionEn:
        'Polish and Ukrainian municipalities meet their partners: recovery, twinning, aid logistics.',
      descriptionUk:
        'Польські та українські громади зустрічаються з партнерами: відновлення, побратимство, логістика допомоги.',
      organiserType: 'association',
      format: 'in-person',
      venue: 'Centrum Konferencyjne Zielna',
      address: 'ul. Zielna 37, 00-108 Warszawa',
      location: { lat: 52.2336, lon: 21.0024 },
      startsAt: `${year}-03-10T09:00:00+01:00`,
      endsAt: `${year}-03-11T17:00:00+01:00`,
      timeZone: 'Europe/Warsaw',
      workingLanguages: ['uk', 'pl', 'en'],
      interpretationLanguages: ['uk', 'pl'],
      capacity: 400,
      approvalRequired: false,
      access: 'open',
      quotas: [
        { dimension: 'country', key: 'PL', seats: 150 },
        { dimension: 'country', key: 'UA', seats: 250 },
      ],
    });
    const id = created.id as string;
    await publish(id);
    // 16 Polish delegations of ten (the quota of 150 fills, ten wait) and 14 Ukrainian ones.
    let n = 0;
    for (const [country, delegations] of [
      ['PL', 16],
      ['UA', 14],
    ] as const)
      for (let d = 0; d < delegations; d++)
        await call('POST', `/events/${id}/registrations`, {
          type: 'delegation',
          country,
          participants: Array.from({ length: 10 }, () => delegate(country, n++)),
        });
    forum = 'created';
  }

  let summerSchool: DemoEventsOutcome['summerSchool'] = 'existing';
  if (!has(DEMO_SUMMER_SCHOOL_TITLE)) {
    const created = await call('POST', '/events', {
      kind: 'summer-school',
      titleUk: 'Літня школа в Шяуляйському районі для дітей з Долини',
      titleEn: DEMO_SUMMER_SCHOOL_TITLE,
      titleHost: 'Vasaros mokykla Šiaulių rajone vaikams iš Dolynos',
      hostLanguage: 'lt',
      organiserType: 'municipality',
      format: 'in-person',
      venue: 'Kurtuvėnai regional park camp',
      address: 'Kurtuvėnai, Šiaulių rajonas',
      location: { lat: 55.8333, lon: 23.05 },
      startsAt: `${year}-07-06T10:00:00+03:00`,
      endsAt: `${year}-07-19T12:00:00+03:00`,
      timeZone: 'Europe/Vilnius',
      workingLanguages: ['uk', 'lt', 'en'],
      interpretationLanguages: ['uk'],
      capacity: 40,
      approvalRequired: false,
      access: 'open',
    });
    const id = created.id as string;
    await publish(id);
    const children = Array.from({ length: 36 }, (_, i) => ({
      ...delegate('UA', 1000 + i),
      roleTitle: 'Pupil',
      isMinor: true,
      guardian: {
        name: `${pick(FIRST_NAMES_UK, i + 3)} ${pick(LAST_NAMES_UK, i)}`,
        contact: `+380 50 000 ${String(1000 + i)}`,
        consentGiven: true,
      },
      accommodationNights: Array.from(
        { length: 13 },
        (_, d) => `${year}-07-${String(6 + d).padStart(2, '0')}`,
      ),
    }));
    const chaperones = Array.from({ length: 4 }, (_, i) => ({
      ...delegate('UA', 2000 + i),
      roleTitle: 'Teacher (chaperone)',
    }));
    await call('POST', `/events/${id}/registrations`, {
      type: 'delegation',
      country: 'UA',
      contact: {
        name: 'Dolyna city council, education department',
        email: 'osvita-dolyna@example.org',
        language: 'uk',
      },
      participants: [...children, ...chaperones],
    });
    summerSchool = 'created';
  }
  return { forum, summerSchool };
}
