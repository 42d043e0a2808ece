/**
 * The quick start's demo volunteers against the real registry and matching (their own processes, as
 * `npm start` runs them, on the shared Kafka and PostgreSQL): the seed makes the demo municipalities volunteer
 * through the demo association's signed ingest, marked as demo data; a hromada that needs some of their
 * sectors then gets proposals whose sector fit is what their offers cover, and whose scores spread; a
 * second run issues no key and changes nothing.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { uniqueTopicPrefix, waitForValue } from '@bridges/testing';
import { parseLauCsv } from '../../apps/registry/src/import/lau-csv.parser';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';
import { DEMO_VOLUNTEERS } from '../../tools/dev/demo-volunteers.data';
import { seedDemoCampaign } from '../../tools/dev/seed-demo-campaign';
import {
  DEMO_VOLUNTEER_ASSOCIATION_NAME,
  seedDemoVolunteers,
  volunteerPayload,
} from '../../tools/dev/seed-demo-volunteers';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

mkdirSync(join(__dirname, '..', '..', '.local', 'test-logs'), { recursive: true });

const SERVICES = ['registry', 'matching'] as const;
type Service = (typeof SERVICES)[number];

/** What the hromada of the test asks for: the demo offers cover none, one or two of these. */
const NEEDS = ['water-supply', 'energy-efficiency', 'healthcare'] as const;

interface Profile {
  municipalityId: string;
  version: number;
  officialCode: string;
  offers: { sector: string; description?: string }[];
  workingLanguages: string[];
  partnershipCapacity?: number;
  seekingPartner: boolean;
  associationId?: string;
}

interface Proposal {
  euMunicipalityId: string;
  score: number;
  factors: { factor: string; score: number }[];
}

describe('demo volunteers seed on the real registry and matching', () => {
  const workDir = mkdtempSync(join(__dirname, '..', '..', '.local', 'test-logs', 'demo-volunteers-'));
  let system: SystemUnderTest<Service>;

  const api = async (service: Service, role: Role, path: string, body?: unknown) => {
    const bearer = await signDevToken({ secret: DEV_JWT_SECRET, roles: [role], sub: 'demo-volunteers-test' });
    const res = await fetch(`${system.url[service]}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const registry = (path: string, body?: unknown) => api('registry', Role.RegistryCoordinator, path, body);

  /**
   * The demo municipalities as the registry seed imports them (real data, no offers, not seeking), but
   * taking no partner yet (capacity 0): matching's backfill, which proposes for a hromada with nothing
   * open whenever the pool changes, can then not pair the hromada with them before they volunteer, and
   * every proposal the test reads is scored with the offers the seed stated.
   */
  async function registerAsImported(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const country of new Set(DEMO_VOLUNTEERS.map((v) => v.country))) {
      const wanted = new Set(DEMO_VOLUNTEERS.filter((v) => v.country === country).map((v) => v.officialCode));
      for await (const row of parseLauCsv(country)) {
        if (row.kind !== 'accepted' || !wanted.has(row.record.officialCode)) continue;
        const r = row.record;
        const created = await registry('/municipalities', {
          country: r.country,
          officialCode: r.officialCode,
          nameNative: r.nameNative,
          region: { code: r.region.code, name: r.region.nameNative ?? r.region.code },
          settlementType: r.settlementType,
          population: r.population,
          populationYear: r.populationYear,
          areaKm2: r.areaKm2,
          location: { lat: r.latitude, lon: r.longitude },
          workingLanguages: r.workingLanguages,
          partnershipCapacity: 0,
        });
        expect(created.status).toBe(201);
        ids.set(r.officialCode, (created.body as Profile).municipalityId);
      }
    }
    expect(ids.size).toBe(DEMO_VOLUNTEERS.length);
    return ids;
  }

  beforeAll(async () => {
    system = await startSystem({
      services: SERVICES,
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix: 'demovolunteers',
      workDir,
    });
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('should make the demo municipalities volunteer with marked offers, give a hromada proposals explained by them, and do it once', async () => {
    expect(await seedDemoCampaign(system.url.matching)).toBe('created');
    const campaigns = (await api('matching', Role.MatchingCoordinator, '/campaigns')).body as {
      id: string;
      slug: string;
    }[];
    const campaignId = campaigns.find((c) => c.slug === CAMPAIGN_2021_PRESET.id)!.id;

    // The hromada first, and known to matching before anyone volunteers: then every volunteer proposes
    // itself to it (the only hromada seeking), scored with the offers it volunteered with.
    const hromada = await registry('/municipalities', {
      country: 'UA',
      officialCode: `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`,
      nameNative: 'Долинська міська територіальна громада',
      region: { code: 'UA26000000000069363', name: 'Івано-Франківська область' },
      settlementType: 'urban',
      population: 35_000,
      areaKm2: 550,
      location: { lat: 48.97, lon: 23.97 },
      needs: NEEDS.map((sector) => ({ sector })),
      workingLanguages: ['uk', 'en'],
    });
    expect(hromada.status).toBe(201);
    const hromadaId = (hromada.body as Profile).municipalityId;
    await waitForValue(
      async () => {
        const known = await api('matching', Role.MatchingCoordinator, `/municipalities?ids=${hromadaId}`);
        return (known.body as unknown[]).length === 1 ? true : undefined;
      },
      90_000,
      'matching to know the hromada',
    );
    const ids = await registerAsImported();

    expect(await seedDemoVolunteers({ registry: system.url.registry })).toEqual({
      association: 'created',
      volunteered: DEMO_VOLUNTEERS.length,
      alreadyVolunteered: 0,
    });

    const associations = (await registry('/associations')).body as { id: string; name: string }[];
    const demo = associations.filter((a) => a.name === DEMO_VOLUNTEER_ASSOCIATION_NAME);
    expect(demo).toHaveLength(1);
    const profiles = new Map<string, Profile>();
    for (const v of DEMO_VOLUNTEERS) {
      const profile = (await registry(`/municipalities/${ids.get(v.officialCode)}`)).body as Profile;
      profiles.set(v.officialCode, profile);
      const stated = volunteerPayload(demo[0].id, v);
      expect(profile).toMatchObject({
        associationId: demo[0].id,
        seekingPartner: true,
        offers: stated.offers,
        workingLanguages: stated.workingLanguages,
        partnershipCapacity: v.partnershipCapacity,
      });
      expect(profile.offers.every((o) => o.description?.startsWith('Demo data: '))).toBe(true);
    }

    // Matching: one proposal per volunteer, sector fit = the share of the needs its offers cover.
    const proposals = await waitForValue(
      async () => {
        const page = (
          await api(
            'matching',
            Role.MatchingCoordinator,
            `/proposals?municipalityId=${hromadaId}&campaignId=${campaignId}&limit=100`,
          )
        ).body as { items: Proposal[] };
        return page.items.length === DEMO_VOLUNTEERS.length ? page.items : undefined;
      },
      120_000,
      `a proposal from each of the ${DEMO_VOLUNTEERS.length} volunteers`,
    );
    const byEuId = new Map(DEMO_VOLUNTEERS.map((v) => [ids.get(v.officialCode)!, v]));
    const fits = proposals.map((p) => {
      const offers = byEuId.get(p.euMunicipalityId)!.offers.map((o) => o.sector as string);
      const covered = NEEDS.filter((n) => offers.includes(n)).length;
      const fit = p.factors.find((f) => f.factor === 'sector-fit')!.score;
      expect({ eu: p.euMunicipalityId, fit }).toEqual({
        eu: p.euMunicipalityId,
        fit: covered / NEEDS.length,
      });
      return fit;
    });
    expect(Math.max(...fits)).toBeGreaterThanOrEqual(2 / 3);
    expect(fits.filter((f) => f > 0).length).toBeGreaterThan(fits.length / 2);
    // The offers now tell the candidates apart: scores no longer sit within a few thousandths.
    const scores = proposals.map((p) => p.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(0.05);
    const best = proposals.reduce((a, b) => (b.score > a.score ? b : a));
    expect(best.factors.find((f) => f.factor === 'sector-fit')!.score).toBeGreaterThan(0);

    // A second start: nothing to do, so no key is issued and no profile changes.
    expect(await seedDemoVolunteers({ registry: system.url.registry })).toEqual({
      association: 'existing',
      volunteered: 0,
      alreadyVolunteered: DEMO_VOLUNTEERS.length,
    });
    const again = (await registry('/associations')).body as { name: string }[];
    expect(again.filter((a) => a.name === DEMO_VOLUNTEER_ASSOCIATION_NAME)).toHaveLength(1);
    const keys = (await registry(`/associations/${demo[0].id}/keys`)).body as { revokedAt?: string }[];
    expect(keys).toHaveLength(1);
    expect(keys[0].revokedAt).toBeDefined();
    for (const v of DEMO_VOLUNTEERS) {
      const profile = (await registry(`/municipalities/${ids.get(v.officialCode)}`)).body as Profile;
      expect(profile.version).toBe(profiles.get(v.officialCode)!.version);
    }
  }, 420_000);
});
