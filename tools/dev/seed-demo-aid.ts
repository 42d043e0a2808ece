/**
 * The quick start's aid logistics, the real case of issue 9: Šiauliai district (LT) sent its partner hromada
 * Dolyna eleven tonnes of humanitarian aid worth about EUR 100,000. Their partnership predates Bridges, so
 * a matching coordinator records it (`POST /partnerships`, origin `recorded`); once logistics has it from
 * `matching.partnership.v1`, the hromada posts a request, the district pledges, ships 11,000 kg declared at
 * EUR 100,000 and the hromada receives it; three more requests stay open. All over the services' HTTP APIs
 * with the registry's real ids, as the people involved would. Idempotent: when Dolyna already has the
 * delivered demo request, nothing is created.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';

export const DEMO_DELIVERED_TITLE = 'Генератори, медикаменти та продукти для Долини';

/** The two municipalities of the case, as the registry seed names them. */
export const DEMO_PAIR = {
  eu: { country: 'LT', q: 'Šiaulių rajono', nameNative: 'Šiaulių rajono savivaldybė' },
  // Dolyna city hromada of Ivano-Frankivsk oblast (KATOTTG UA26…), not its namesakes in other oblasts.
  hromada: { country: 'UA', q: 'Долинська', nameNative: 'Долинська міська', codePrefix: 'UA26' },
} as const;

export interface DemoServices {
  readonly registry: string;
  readonly matching: string;
  readonly logistics: string;
}

export interface DemoAidOutcome {
  readonly partnership: 'recorded' | 'existing';
  readonly requests: 'created' | 'existing';
}

/** The fields of the registry's profile response the seed reads (`MunicipalityResponseDto`). */
interface RegistryItem {
  municipalityId: string;
  kind: string;
  nameNative: string;
  officialCode: string;
}

/** The registry's profile of one side of the demo pair among `items` (a name search's page). */
export function pickDemoMunicipality(
  items: readonly RegistryItem[],
  side: 'eu' | 'hromada',
): RegistryItem | undefined {
  const wanted = DEMO_PAIR[side];
  return items.find(
    (m) =>
      m.nameNative.startsWith(wanted.nameNative) &&
      (!('codePrefix' in wanted) || m.officialCode.startsWith(wanted.codePrefix)),
  );
}

/** The delivered request: what the shipment of 11,000 kg carried. */
export function deliveredRequestBody(hromadaId: string) {
  return {
    hromadaId,
    title: DEMO_DELIVERED_TITLE,
    urgency: 'high',
    neededBy: '2022-04-30',
    deliveryPoint: { address: 'вул. Обліски 104, Долина, Івано-Франківська обл.' },
    lines: [
      { item: 'Дизельні генератори 20 кВт', category: 'energy', unit: 'H87', quantity: 12 },
      { item: 'Медикаменти та перев’язувальні матеріали', category: 'medical', unit: 'KGM', quantity: 2500 },
      { item: 'Продукти тривалого зберігання', category: 'food', unit: 'KGM', quantity: 5500 },
      { item: 'Засоби гігієни', category: 'hygiene', unit: 'KGM', quantity: 1800 },
    ],
  };
}

/** Requests that stay open, so partners have something to pledge in the demo. */
export function openRequestBodies(hromadaId: string, year: number) {
  const deliveryPoint = { address: 'вул. Обліски 104, Долина, Івано-Франківська обл.' };
  return [
    {
      hromadaId,
      title: 'Обладнання для водоканалу',
      urgency: 'high',
      neededBy: `${year}-03-31`,
      deliveryPoint,
      lines: [
        { item: 'Насосні агрегати', category: 'water-sanitation', unit: 'H87', quantity: 4 },
        { item: 'Реагенти для очищення води', category: 'water-sanitation', unit: 'KGM', quantity: 1200 },
      ],
    },
    {
      hromadaId,
      title: 'Зимові речі для внутрішньо переміщених осіб',
      urgency: 'normal',
      neededBy: `${year}-01-15`,
      deliveryPoint,
      lines: [
        { item: 'Ковдри', category: 'shelter-nfi', unit: 'H87', quantity: 600 },
        { item: 'Обігрівачі', category: 'energy', unit: 'H87', quantity: 150 },
      ],
    },
    {
      hromadaId,
      title: 'Шкільне обладнання',
      urgency: 'low',
      neededBy: `${year}-08-15`,
      deliveryPoint,
      lines: [{ item: 'Ноутбуки для укриття школи', category: 'education', unit: 'H87', quantity: 40 }],
    },
  ];
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** HTTP calls to one service with one bearer token. */
function client(baseUrl: string, token: string): Call {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

function expectStatus(
  what: string,
  res: { status: number; body: unknown },
  expected: readonly number[] = [200, 201],
) {
  if (!expected.includes(res.status))
    throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** Polls `attempt` until it returns a value; the services fill their projections from Kafka meanwhile. */
async function eventually<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await sleep(1000);
  }
}

/** Seeds the demo aid flow; `timeoutMs` bounds each wait for a projection. */
export async function seedDemoAid(services: DemoServices, timeoutMs = 300_000): Promise<DemoAidOutcome> {
  const token = (roles: Role[], municipalityId?: string) =>
    signDevToken({ secret: DEV_JWT_SECRET, roles, municipalityId, sub: 'demo-seed' });
  const registry = client(services.registry, await token([Role.RegistryCoordinator]));
  const matching = client(services.matching, await token([Role.MatchingCoordinator]));
  const logistics = client(services.logistics, await token([Role.LogisticsCoordinator]));

  const find = async (side: 'eu' | 'hromada') => {
    const { country, q } = DEMO_PAIR[side];
    const page = expectStatus(
      'GET /municipalities',
      await registry('GET', `/municipalities?country=${country}&q=${encodeURIComponent(q)}&limit=100`),
    ) as { items: RegistryItem[] };
    const found = pickDemoMunicipality(page.items, side);
    if (!found) throw new Error(`the registry has no ${DEMO_PAIR[side].nameNative}: was registry:seed run?`);
    return found.municipalityId;
  };
  const euId = await find('eu');
  const hromadaId = await find('hromada');

  // Matching knows both once the registry's events reached it: until then the record is a 404.
  let partnership: DemoAidOutcome['partnership'] = 'recorded';
  const partnershipId = await eventually(
    'matching to know Šiauliai district and Dolyna',
    async () => {
      const res = await matching('POST', '/partnerships', {
        hromadaId,
        euMunicipalityId: euId,
        establishedOn: '2022-03-01',
        note: 'Partners since before Bridges; in spring 2022 the district sent 11 t of humanitarian aid',
      });
      if (res.status === 201) return res.body.id as string;
      if (res.body.code === 'RECORDED_PARTNERSHIP_MUNICIPALITY_UNKNOWN') return undefined;
      if (res.body.code !== 'PARTNERSHIP_PAIR_ALREADY_PARTNERED') expectStatus('POST /partnerships', res);
      partnership = 'existing';
      const live = expectStatus(
        'GET /partnerships',
        await matching('GET', `/partnerships?municipalityId=${hromadaId}&limit=100`),
      ) as { items: { id: string; euMunicipalityId: string; status: string }[] };
      return live.items.find((p) => p.euMunicipalityId === euId && p.status !== 'ended')?.id;
    },
    timeoutMs,
  );

  const existing = expectStatus(
    'GET /aid-requests',
    await logistics('GET', `/aid-requests?hromadaId=${hromadaId}&limit=100`),
  ) as { items: { title: string }[] };
  if (existing.items.some((r) => r.title === DEMO_DELIVERED_TITLE))
    return { partnership, requests: 'existing' };

  const euOfficer = client(services.logistics, await token([Role.MunicipalityOfficer], euId));
  const hromadaOfficer = client(services.logistics, await token([Role.MunicipalityOfficer], hromadaId));
  // Logistics lets the district read its partnership's totals once it has the partnership (404 before).
  await eventually(
    'logistics to have the partnership',
    async () =>
      (await euOfficer('GET', `/totals?dimension=partnership&key=${partnershipId}`)).status === 200
        ? true
        : undefined,
    timeoutMs,
  );

  const request = expectStatus(
    'POST /aid-requests',
    await hromadaOfficer('POST', '/aid-requests', deliveredRequestBody(hromadaId)),
  );
  const lines = request.lines as { id: string; quantity: number }[];
  const pledge = expectStatus(
    'POST pledge',
    await euOfficer('POST', `/aid-requests/${request.id as string}/pledges`, {
      lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
      declaredValue: { amountMinor: 10_000_000, currency: 'EUR' },
      note: 'Collected by the district, its schools and residents',
    }),
  );
  let shipment = expectStatus(
    'POST /shipments',
    await euOfficer('POST', '/shipments', {
      pledgeIds: [pledge.id],
      waybillNumber: 'LT-CMR-2022-0412',
      carrier: 'Šiaulių rajono savivaldybės administracija',
      vehiclePlate: 'KRS 481',
      plannedBorderCrossing: 'Rava-Ruska',
      packages: 24,
      grossWeightKg: 11_000,
      documents: [
        { document: 'CMR consignment note', ready: true },
        { document: 'Humanitarian aid declaration', ready: true },
      ],
    }),
  );
  for (const [status, place] of [
    ['dispatched', 'Šiauliai'],
    ['at-border', 'Rava-Ruska'],
    ['cleared', 'Rava-Ruska'],
    ['delivered', 'Dolyna'],
  ] as const)
    shipment = expectStatus(
      `POST shipment status ${status}`,
      await euOfficer(
        'POST',
        `/shipments/${shipment.id as string}/status`,
        { status, place },
        { 'if-match': `"${String(shipment.version)}"` },
      ),
    );
  expectStatus(
    'POST receipt',
    await hromadaOfficer('POST', `/shipments/${shipment.id as string}/receipt`, {
      lines: (shipment.lines as { lineNo: number; quantity: number }[]).map((l) => ({
        lineNo: l.lineNo,
        receivedQuantity: l.quantity,
      })),
      note: 'Отримано в повному обсязі. Дякуємо, Шяуляйський район!',
    }),
  );
  for (const body of openRequestBodies(hromadaId, new Date().getUTCFullYear() + 1))
    expectStatus('POST /aid-requests', await hromadaOfficer('POST', '/aid-requests', body));
  return { partnership, requests: 'created' };
}
