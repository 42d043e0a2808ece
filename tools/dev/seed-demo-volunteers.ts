/**
 * The quick start's volunteers: without them no EU municipality of the demo offers anything, so sector fit
 * explains nothing. A coordinator registers "Demo association (sample data)" and issues it an ingest key;
 * the association then publishes, signed over `POST /ingest` as an association system without Kafka does,
 * that ~30 real member municipalities of the registry seed (demo-volunteers.data.ts) volunteer with offers,
 * languages and capacity. The registry applies them from `associations.inbound.v1`, and matching proposes
 * each volunteer to the hromadas it fits. Everything is marked as demo data: the association's name and
 * every offer's description. The key is revoked once the events are in, so no live credential outlives
 * the seed. Idempotent: municipalities that already name the association are left alone (a second start
 * issues no key and sends nothing), and event ids follow the content, so a resend is a duplicate.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  MemberMunicipalityVolunteeredV1Event,
  type MemberMunicipalityVolunteeredV1,
} from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { signIngestBody } from '../../apps/registry/src/associations/api-key.crypto';
import { DEMO_VOLUNTEERS, type DemoVolunteer } from './demo-volunteers.data';

/** The association the demo volunteers come through; its name is what marks them as sample data. */
export const DEMO_VOLUNTEER_ASSOCIATION_NAME = 'Demo association (sample data)';

/** Starts every demo offer's description, so no console or email can pass it off as a real statement. */
export const DEMO_OFFER_MARK = 'Demo data:';

export interface DemoVolunteersOutcome {
  readonly association: 'created' | 'existing';
  /** Municipalities that volunteered in this run. */
  readonly volunteered: number;
  /** Municipalities a previous run had made volunteer already. */
  readonly alreadyVolunteered: number;
}

/** The fields of the registry's profile response the seed reads (`MunicipalityResponseDto`). */
interface RegistryProfile {
  municipalityId: string;
  officialCode: string;
  associationId?: string;
}

/** The payload of one volunteer's `associations.member-municipality.volunteered.v1`. */
export function volunteerPayload(associationId: string, v: DemoVolunteer): MemberMunicipalityVolunteeredV1 {
  return {
    associationId,
    country: v.country,
    officialCode: v.officialCode,
    offers: v.offers.map((o) => ({ sector: o.sector, description: `${DEMO_OFFER_MARK} ${o.description}` })),
    partnershipCapacity: v.partnershipCapacity,
    workingLanguages: [...v.workingLanguages],
  };
}

/**
 * The association's own event id: the same content gives the same id, so the registry answers a resend
 * (a start interrupted before the registry applied it) as a duplicate; changed demo data is a new event.
 */
export function volunteerEventId(payload: MemberMunicipalityVolunteeredV1): string {
  const digest = createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 16);
  return `demo-volunteer-${payload.officialCode}-${digest}`;
}

/** The structured CloudEvent `POST /ingest` takes. */
export function volunteerCloudEvent(payload: MemberMunicipalityVolunteeredV1) {
  return {
    specversion: '1.0',
    id: volunteerEventId(payload),
    type: MemberMunicipalityVolunteeredV1Event.type,
    source: '/associations/demo-sample-data',
    datacontenttype: 'application/json',
    data: payload,
  };
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

function client(baseUrl: string, token: string): Call {
  return async (method, path, body) => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : {} };
  };
}

function expectStatus<T>(what: string, res: { status: number; body: unknown }, expected = [200, 201]): T {
  if (!expected.includes(res.status))
    throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Sends one event as an association system would: `Bridges-Signature` over "<timestamp>.<raw body>". */
async function ingest(registry: string, key: { keyId: string; secret: string }, event: object) {
  const raw = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(new URL('/ingest', registry), {
    method: 'POST',
    headers: {
      'content-type': 'application/cloudevents+json',
      'bridges-key-id': key.keyId,
      'bridges-timestamp': timestamp,
      'bridges-signature': signIngestBody(key.secret, timestamp, raw),
    },
    body: raw,
  });
  expectStatus('POST /ingest', { status: res.status, body: await res.text() }, [202]);
}

/**
 * Makes the demo volunteers volunteer through the demo association; `timeoutMs` bounds the wait for the
 * registry to apply them. Needs the registry seed (the municipalities must exist).
 */
export async function seedDemoVolunteers(
  services: { readonly registry: string },
  timeoutMs = 120_000,
): Promise<DemoVolunteersOutcome> {
  const token = await signDevToken({
    secret: DEV_JWT_SECRET,
    roles: [Role.RegistryCoordinator],
    sub: 'demo-seed',
  });
  const registry = client(services.registry, token);

  const associations = expectStatus<{ id: string; name: string }[]>(
    'GET /associations',
    await registry('GET', '/associations'),
  );
  let association: DemoVolunteersOutcome['association'] = 'existing';
  let associationId = associations.find((a) => a.name === DEMO_VOLUNTEER_ASSOCIATION_NAME)?.id;
  if (!associationId) {
    // No country: a European association, as its members are in five countries.
    associationId = expectStatus<{ id: string }>(
      'POST /associations',
      await registry('POST', '/associations', { name: DEMO_VOLUNTEER_ASSOCIATION_NAME }),
    ).id;
    association = 'created';
  }

  const profileOf = async (v: DemoVolunteer): Promise<RegistryProfile> => {
    const page = expectStatus<{ items: RegistryProfile[] }>(
      'GET /municipalities',
      await registry('GET', `/municipalities?country=${v.country}&q=${encodeURIComponent(v.name)}&limit=100`),
    );
    const found = page.items.find((m) => m.officialCode === v.officialCode);
    if (!found) throw new Error(`the registry has no ${v.name} (${v.officialCode}): was registry:seed run?`);
    return found;
  };
  const pending: { volunteer: DemoVolunteer; profile: RegistryProfile }[] = [];
  for (const volunteer of DEMO_VOLUNTEERS) {
    const profile = await profileOf(volunteer);
    if (profile.associationId !== associationId) pending.push({ volunteer, profile });
  }
  const outcome = {
    association,
    volunteered: pending.length,
    alreadyVolunteered: DEMO_VOLUNTEERS.length - pending.length,
  };
  if (pending.length === 0) return outcome;

  const key = expectStatus<{ keyId: string; secret: string }>(
    'POST /associations/:id/keys',
    await registry('POST', `/associations/${associationId}/keys`, { label: 'demo seed (revoked after use)' }),
  );
  try {
    for (const { volunteer } of pending)
      await ingest(services.registry, key, volunteerCloudEvent(volunteerPayload(associationId, volunteer)));
  } finally {
    expectStatus('DELETE key', await registry('DELETE', `/associations/${associationId}/keys/${key.keyId}`));
  }

  // The registry applies them from associations.inbound.v1: wait until every profile names the association.
  const deadline = Date.now() + timeoutMs;
  for (const { volunteer, profile } of pending) {
    for (;;) {
      const current = expectStatus<RegistryProfile>(
        `GET /municipalities/${profile.municipalityId}`,
        await registry('GET', `/municipalities/${profile.municipalityId}`),
      );
      if (current.associationId === associationId) break;
      if (Date.now() > deadline)
        throw new Error(`gave up waiting for the registry to apply ${volunteer.name} volunteering`);
      await sleep(500);
    }
  }
  return outcome;
}
