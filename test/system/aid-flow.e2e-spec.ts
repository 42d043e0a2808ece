/**
 * Flow 4 of the architecture brief as a user meets it: registry, matching, notifications and logistics run
 * as their own processes (what `npm start` runs) on real Kafka and PostgreSQL, driven only over HTTP, and
 * judged by the emails that reach an SMTP server: partnership established → aid request → pledge →
 * shipment dispatched → receipt with discrepancies → totals.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { uniqueTopicPrefix, waitForValue } from '@bridges/testing';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

mkdirSync(join(__dirname, '..', '..', '.local', 'test-logs'), { recursive: true });

const SERVICES = ['registry', 'matching', 'notifications', 'logistics'] as const;
type Service = (typeof SERVICES)[number];

const token = (role: Role, municipalityId?: string) =>
  signDevToken({
    secret: DEV_JWT_SECRET,
    roles: [role],
    sub: `aid-flow-${role}-${municipalityId ?? ''}`,
    municipalityId,
  });

describe('aid flow across registry, matching, notifications and logistics', () => {
  const prefix = uniqueTopicPrefix();
  const workDir = mkdtempSync(join(__dirname, '..', '..', '.local', 'test-logs', 'aid-flow-'));
  let system: SystemUnderTest<Service>;

  const api = async (
    service: Service,
    path: string,
    bearer: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${system.url[service]}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  /** Retries a creating POST under one Idempotency-Key until it is created: nothing is created twice. */
  const createWhenReady = async (
    service: Service,
    path: string,
    bearer: string,
    body: unknown,
    what: string,
  ) => {
    const key = randomUUID();
    return waitForValue(
      async () => {
        const res = await api(service, path, bearer, body, { 'idempotency-key': key });
        return res.status === 201 ? res.body : undefined;
      },
      90_000,
      what,
    );
  };

  beforeAll(async () => {
    system = await startSystem({
      services: SERVICES,
      topicPrefix: prefix,
      databasePrefix: 'aidflow',
      workDir,
    });
    const campaign = await api('matching', '/campaigns', await token(Role.MatchingCoordinator), {
      slug: `aid-${prefix.replace(/\W/g, '')}`,
      name: 'Aid flow test campaign',
    });
    expect(campaign.status).toBe(201);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(join(workDir, 'mail'), { recursive: true, force: true });
  });

  it('should carry aid from an established partnership to totals, telling each side by email', async () => {
    const registryCoordinator = await token(Role.RegistryCoordinator);
    const suffix = randomUUID().slice(0, 8);
    const euEmail = `jurgita.${suffix}@siauliai.example`;
    const uaEmail = `olena.${suffix}@dolyna.example`;
    const eu = await api('registry', '/municipalities', registryCoordinator, {
      country: 'LT',
      officialCode: `LT_${String(randomInt(10 ** 6, 10 ** 7))}`,
      nameNative: `Šiaulių rajono savivaldybė ${suffix}`,
      region: { code: 'LT023', name: 'Šiaulių apskritis' },
      settlementType: 'rural',
      population: 40_000,
      areaKm2: 1_807,
      location: { lat: 55.93, lon: 23.31 },
      offers: [{ sector: 'energy-efficiency' }],
      workingLanguages: ['lt', 'en'],
      partnershipCapacity: 2,
      seekingPartner: true,
      contacts: [{ name: 'Jurgita', email: euEmail, preferredLanguage: 'en' }],
    });
    expect(eu.status).toBe(201);
    const ua = await api('registry', '/municipalities', registryCoordinator, {
      country: 'UA',
      officialCode: `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`,
      nameNative: `Долинська міська громада ${suffix}`,
      region: { code: 'UA26000000000069363', name: 'Івано-Франківська область' },
      settlementType: 'urban',
      population: 35_000,
      areaKm2: 550,
      location: { lat: 48.97, lon: 23.97 },
      needs: [{ sector: 'energy-efficiency' }],
      workingLanguages: ['uk', 'en'],
      seekingPartner: true,
      contacts: [{ name: 'Олена', email: uaEmail, preferredLanguage: 'uk' }],
    });
    expect(ua.status).toBe(201);
    const euId = eu.body.municipalityId as string;
    const uaId = ua.body.municipalityId as string;

    const proposal = await waitForValue(
      async () => {
        const { body } = await api(
          'matching',
          `/proposals?municipalityId=${uaId}&status=open`,
          await token(Role.MatchingCoordinator),
        );
        return ((body.items ?? []) as { id: string; euMunicipalityId: string }[]).find(
          (p) => p.euMunicipalityId === euId,
        );
      },
      90_000,
      'a proposal for the pair',
    );
    const uaOfficer = await token(Role.MunicipalityOfficer, uaId);
    const euOfficer = await token(Role.MunicipalityOfficer, euId);
    expect((await api('matching', `/proposals/${proposal.id}/accept`, uaOfficer, {})).status).toBe(200);
    const accepted = await api('matching', `/proposals/${proposal.id}/accept`, euOfficer, {});
    expect(accepted.status).toBe(200);
    const partnershipId = accepted.body.partnership.id as string;

    // Logistics learns of the hromada and the partnership from Kafka; the retries share one key.
    const request = await createWhenReady(
      'logistics',
      '/aid-requests',
      uaOfficer,
      {
        hromadaId: uaId,
        title: 'Генератори та медикаменти',
        urgency: 'critical',
        deliveryPoint: { address: 'вул. Грушевського 1, Долина' },
        lines: [
          { item: 'Дизельний генератор 30 кВА', category: 'energy', unit: 'H87', quantity: 20 },
          { item: 'Медикаменти', category: 'medical', unit: 'KGM', quantity: 500 },
        ],
      },
      'the aid request (logistics knows the hromada)',
    );
    const requestMail = await system.mailTo(euEmail, /asks for aid/);
    expect(requestMail.text).toContain('20 pcs (Energy and generators)');

    const [generators, medicine] = request.lines as { id: string }[];
    const pledge = await createWhenReady(
      'logistics',
      `/aid-requests/${request.id}/pledges`,
      euOfficer,
      {
        lines: [
          { lineId: generators.id, quantity: 20 },
          { lineId: medicine.id, quantity: 500 },
        ],
        declaredValue: { amountMinor: 10_000_000, currency: 'EUR' },
      },
      'the pledge (logistics knows the partnership)',
    );
    expect(pledge.partnershipId).toBe(partnershipId);
    const shipment = await api(
      'logistics',
      '/shipments',
      euOfficer,
      {
        pledgeIds: [pledge.id],
        packages: 22,
        grossWeightKg: 11_000,
        expectedArrival: '2026-12-20',
        waybillNumber: 'CMR-1',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(shipment.status).toBe(201);
    const step = await api(
      'logistics',
      `/shipments/${shipment.body.id}/status`,
      euOfficer,
      { status: 'dispatched' },
      {
        'if-match': '"1"',
      },
    );
    expect(step.status).toBe(200);
    const dispatchedMail = await system.mailTo(uaEmail, /відправлено/);
    expect(dispatchedMail.text).toContain(shipment.body.reference as string);
    expect(dispatchedMail.text).toMatch(/11\s000 kg/);

    const receipt = await api(
      'logistics',
      `/shipments/${shipment.body.id}/receipt`,
      uaOfficer,
      {
        lines: [
          { lineNo: 1, receivedQuantity: 20 },
          { lineNo: 2, receivedQuantity: 495, note: 'Five boxes missing' },
        ],
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(receipt.status).toBe(201);
    const receivedMail = await system.mailTo(euEmail, /received shipment .* \(with discrepancies\)/);
    expect(receivedMail.text).toContain('shipped 500 kg, received 495');

    const totals = await api('logistics', `/totals?dimension=partnership&key=${partnershipId}`, euOfficer);
    expect(totals.status).toBe(200);
    expect(totals.body).toEqual([
      expect.objectContaining({
        shipments: 1,
        weightKg: 11_000,
        value: [{ currency: 'EUR', amountMinor: 10_000_000, amount: '100000.00' }],
      }),
    ]);
  });
});
