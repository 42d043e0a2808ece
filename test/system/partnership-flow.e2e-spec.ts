/**
 * The system as a user meets it: registry, matching and notifications run as their own processes
 * (exactly what `npm start` runs) on real Kafka and PostgreSQL, driven only over HTTP, and judged by
 * the emails that reach an SMTP server. Flows 1 and 3 of the architecture brief.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Role, signDevToken, DEV_JWT_SECRET } from '@bridges/platform';
import { uniqueTopicPrefix, waitForValue } from '@bridges/testing';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

mkdirSync(join(__dirname, '..', '..', '.local', 'test-logs'), { recursive: true });

const token = (role: Role, municipalityId?: string) =>
  signDevToken({ secret: DEV_JWT_SECRET, roles: [role], sub: `system-test-${role}`, municipalityId });

describe('partnership flow across registry, matching and notifications', () => {
  const prefix = uniqueTopicPrefix();
  // Service logs stay in .local/test-logs (git-ignored) for whoever reads a failure.
  const workDir = mkdtempSync(join(__dirname, '..', '..', '.local', 'test-logs', 'system-'));
  let system: SystemUnderTest<'registry' | 'matching' | 'notifications'>;

  const api = async (
    service: 'registry' | 'matching' | 'notifications',
    path: string,
    bearer: string,
    body?: unknown,
  ) => {
    const response = await fetch(`${system.url[service]}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  beforeAll(async () => {
    system = await startSystem({
      services: ['registry', 'matching', 'notifications'],
      topicPrefix: prefix,
      databasePrefix: 'system',
      workDir,
    });
    // No migration seeds a campaign: the coordinator opens one, with the defaults (every EU municipality).
    const campaign = await api('matching', '/campaigns', await token(Role.MatchingCoordinator), {
      slug: `system-${prefix.replace(/\W/g, '')}`,
      name: 'System test campaign',
    });
    expect(campaign.status).toBe(201);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(join(workDir, 'mail'), { recursive: true, force: true });
  });

  it('should propose a new hromada to a volunteering EU municipality and, once both accept, email both sides in their languages', async () => {
    const registryCoordinator = await token(Role.RegistryCoordinator);
    const suffix = randomUUID().slice(0, 8);
    const euEmail = `anna.${suffix}@gmina.example`;
    const uaEmail = `olena.${suffix}@hromada.example`;

    const eu = await api('registry', '/municipalities', registryCoordinator, {
      country: 'PL',
      officialCode: `PL_${String(randomInt(10 ** 6, 10 ** 7))}`,
      nameNative: `Gmina Mostowa ${suffix}`,
      region: { code: 'PL821', name: 'Krośnieński' },
      settlementType: 'town',
      population: 18500,
      populationYear: 2020,
      areaKm2: 140,
      location: { lat: 49.69, lon: 21.77 },
      sectors: ['water-supply'],
      offers: [{ sector: 'water-supply', description: 'Engineers for water treatment' }],
      workingLanguages: ['pl', 'en'],
      partnershipCapacity: 2,
      seekingPartner: true,
      contacts: [{ name: 'Anna Kowalska', role: 'Mayor', email: euEmail, preferredLanguage: 'pl' }],
    });
    expect(eu.status).toBe(201);

    const ua = await api('registry', '/municipalities', registryCoordinator, {
      country: 'UA',
      officialCode: `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`,
      nameNative: `Мостова сільська громада ${suffix}`,
      region: { code: 'UA05000000000010236', name: 'Вінницька область' },
      settlementType: 'rural',
      population: 12034,
      populationYear: 2022,
      areaKm2: 231.5,
      location: { lat: 49.23, lon: 28.47 },
      sectors: ['water-supply'],
      needs: [{ sector: 'water-supply', description: 'Two pumping stations' }],
      workingLanguages: ['uk', 'en'],
      seekingPartner: true,
      warImpact: { hostsDisplacedPeople: true },
      contacts: [{ name: 'Олена Петренко', role: 'Голова громади', email: uaEmail, preferredLanguage: 'uk' }],
    });
    expect(ua.status).toBe(201);
    const euId = eu.body.municipalityId as string;
    const uaId = ua.body.municipalityId as string;

    // Flow 1: the registration reaches matching, which proposes the pair with its explanation.
    const matchingCoordinator = await token(Role.MatchingCoordinator);
    const proposal = await waitForValue(
      async () => {
        const { body } = await api(
          'matching',
          `/proposals?municipalityId=${uaId}&status=open`,
          matchingCoordinator,
        );
        const items = (body.items ?? body.data ?? []) as {
          id: string;
          euMunicipalityId: string;
          factors: unknown[];
        }[];
        return items.find((p) => p.euMunicipalityId === euId);
      },
      90_000,
      'a proposal for the hromada',
    );
    expect(proposal.factors.length).toBeGreaterThan(3);
    // ... and the hromada's contact is told, in Ukrainian, in a digest of its proposals.
    const digest = await waitForValue(
      async () =>
        (await system.mails()).find(
          (m) => m.text?.includes('Нові пропозиції партнерства') && JSON.stringify(m.to).includes(uaEmail),
        ),
      90_000,
      'a proposal digest to the hromada contact',
    );
    expect(digest.text).toContain(`Gmina Mostowa ${suffix}`);

    // Flow 3: both sides accept; the partnership is established and both sides are told.
    const uaOfficer = await token(Role.MunicipalityOfficer, uaId);
    const euOfficer = await token(Role.MunicipalityOfficer, euId);
    expect((await api('matching', `/proposals/${proposal.id}/accept`, uaOfficer, {})).status).toBe(200);
    const second = await api('matching', `/proposals/${proposal.id}/accept`, euOfficer, {});
    expect(second.status).toBe(200);
    expect(second.body.partnership).toMatchObject({ hromadaId: uaId, euMunicipalityId: euId });

    const established = await waitForValue(
      async () => {
        const all = await system.mails();
        const toUa = all.find(
          (m) => m.subject?.includes('Партнерство встановлено') && JSON.stringify(m.to).includes(uaEmail),
        );
        const toEu = all.find(
          (m) => m.subject?.includes('Partnerstwo nawiązane') && JSON.stringify(m.to).includes(euEmail),
        );
        return toUa && toEu ? { toUa, toEu } : undefined;
      },
      90_000,
      'partnership emails to both contacts',
    );
    // Right language, right partner, right next step.
    expect(established.toUa.text).toContain(`Gmina Mostowa ${suffix}`);
    expect(established.toUa.text).toMatch(/онлайн/i);
    expect(established.toEu.text).toContain(`Mostova silska hromada ${suffix}`);
    expect(established.toEu.text).toContain('Następny krok');
    // Every email carries a working unsubscribe link.
    const unsubscribe = /https?:\/\/\S+\/unsubscribe\?token=[\w.-]+/.exec(established.toEu.text ?? '')?.[0];
    expect(unsubscribe).toBeDefined();
    // GET only shows the confirmation (mail scanners fetch links); the form's POST unsubscribes.
    const page = await fetch(unsubscribe!);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form[^>]+method="post"/i);
    expect((await fetch(unsubscribe!, { method: 'POST' })).status).toBe(200);
  });
});
