import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateAidRequestDto } from '../../apps/logistics/src/aid-requests/dto/create-aid-request.dto';
import { CreatePledgeDto } from '../../apps/logistics/src/pledges/dto/create-pledge.dto';
import { CreateReceiptDto } from '../../apps/logistics/src/receipts/dto/create-receipt.dto';
import { CreateShipmentDto } from '../../apps/logistics/src/shipments/dto/create-shipment.dto';
import { RecordPartnershipDto } from '../../apps/matching/src/recorded-partnerships/dto/record-partnership.dto';
import { DEMO_DELIVERED_TITLE, pickDemoMunicipality, seedDemoAid } from './seed-demo-aid';

const LT_ID = '11111111-1111-4111-8111-111111111111';
const DOLYNA_ID = '22222222-2222-4222-8222-222222222222';
const PARTNERSHIP_ID = '33333333-3333-4333-8333-333333333333';
const PLEDGE_ID = '44444444-4444-4444-8444-444444444444';

interface Seen {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  ifMatch?: string;
}

/**
 * One stand-in for registry, matching and logistics: matching knows the pair only from its second
 * attempt, logistics has the partnership only from its second look, as projections filled from Kafka do.
 */
async function fakeServices(options: { alreadyRecorded?: boolean; alreadySeeded?: boolean } = {}) {
  const seen: Seen[] = [];
  let recordAttempts = 0;
  let totalsLooks = 0;
  let version = 1;
  const answer = (req: IncomingMessage, path: string, body: Record<string, unknown> | null) => {
    if (path.startsWith('/municipalities?country=LT'))
      return [
        200,
        {
          items: [
            {
              municipalityId: 'city',
              kind: 'eu-municipality',
              nameNative: 'Šiaulių miesto savivaldybė',
              officialCode: '29',
            },
            {
              municipalityId: LT_ID,
              kind: 'eu-municipality',
              nameNative: 'Šiaulių rajono savivaldybė',
              officialCode: '91',
            },
          ],
        },
      ];
    if (path.startsWith('/municipalities?country=UA'))
      return [
        200,
        {
          items: [
            {
              municipalityId: 'kirovohrad',
              kind: 'hromada',
              nameNative: 'Долинська міська територіальна громада',
              officialCode: 'UA35040110000055821',
            },
            {
              municipalityId: DOLYNA_ID,
              kind: 'hromada',
              nameNative: 'Долинська міська територіальна громада',
              officialCode: 'UA26060130000047466',
            },
          ],
        },
      ];
    if (req.method === 'POST' && path === '/partnerships') {
      if (++recordAttempts === 1) return [404, { code: 'RECORDED_PARTNERSHIP_MUNICIPALITY_UNKNOWN' }];
      if (options.alreadyRecorded) return [409, { code: 'PARTNERSHIP_PAIR_ALREADY_PARTNERED' }];
      return [201, { id: PARTNERSHIP_ID }];
    }
    if (path.startsWith('/partnerships?'))
      return [200, { items: [{ id: PARTNERSHIP_ID, euMunicipalityId: LT_ID, status: 'established' }] }];
    if (req.method === 'GET' && path.startsWith('/aid-requests?'))
      return [200, { items: options.alreadySeeded ? [{ title: DEMO_DELIVERED_TITLE }] : [] }];
    if (path.startsWith('/totals')) return ++totalsLooks === 1 ? [404, {}] : [200, []];
    if (path === '/aid-requests') {
      const lines = (body?.lines as { quantity: number }[]).map((l) => ({ id: randomUUID(), ...l }));
      return [201, { id: `request-${seen.length}`, lines }];
    }
    if (path.endsWith('/pledges')) return [201, { id: PLEDGE_ID }];
    if (path === '/shipments')
      return [
        201,
        {
          id: 'shipment-1',
          version,
          lines: [
            { lineNo: 1, quantity: 12 },
            { lineNo: 2, quantity: 2500 },
          ],
        },
      ];
    if (path.endsWith('/status'))
      return [
        200,
        {
          id: 'shipment-1',
          version: ++version,
          lines: [
            { lineNo: 1, quantity: 12 },
            { lineNo: 2, quantity: 2500 },
          ],
        },
      ];
    if (path.endsWith('/receipt')) return [201, {}];
    return [500, { path }];
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const path = decodeURIComponent(req.url ?? '');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      const ifMatch = req.headers['if-match'];
      seen.push({ method: req.method ?? '', path, body, ...(ifMatch ? { ifMatch } : {}) });
      const [status, payload] = answer(req, path, body);
      res.writeHead(status as number, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    services: { registry: url, matching: url, logistics: url },
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe(seedDemoAid.name, () => {
  it('should record the partnership with the registry ids, wait for logistics, then deliver 11,000 kg worth EUR 100,000 and open three requests', async () => {
    const fake = await fakeServices();
    try {
      expect(await seedDemoAid(fake.services, 20_000)).toEqual({
        partnership: 'recorded',
        requests: 'created',
      });

      const posts = fake.seen.filter((s) => s.method === 'POST');
      const records = posts.filter((s) => s.path === '/partnerships');
      expect(records).toHaveLength(2);
      expect(records[1].body).toMatchObject({ hromadaId: DOLYNA_ID, euMunicipalityId: LT_ID });
      // Nothing is posted to logistics before it has the partnership.
      const firstLogisticsPost = fake.seen.findIndex(
        (s) => s.method === 'POST' && s.path === '/aid-requests',
      );
      const lastTotalsLook = fake.seen.map((s) => s.path.startsWith('/totals')).lastIndexOf(true);
      expect(lastTotalsLook).toBeLessThan(firstLogisticsPost);
      expect(fake.seen[lastTotalsLook].path).toContain(`key=${PARTNERSHIP_ID}`);

      const pledge = posts.find((s) => s.path.endsWith('/pledges'));
      expect(pledge?.body).toMatchObject({ declaredValue: { amountMinor: 10_000_000, currency: 'EUR' } });
      const shipment = posts.find((s) => s.path === '/shipments');
      expect(shipment?.body).toMatchObject({ pledgeIds: [PLEDGE_ID], grossWeightKg: 11_000 });
      const steps = posts.filter((s) => s.path.endsWith('/status'));
      expect(steps.map((s) => [s.body?.status, s.ifMatch])).toEqual([
        ['dispatched', '"1"'],
        ['at-border', '"2"'],
        ['cleared', '"3"'],
        ['delivered', '"4"'],
      ]);
      const receipt = posts.find((s) => s.path.endsWith('/receipt'));
      expect(receipt?.body?.lines).toEqual([
        { lineNo: 1, receivedQuantity: 12 },
        { lineNo: 2, receivedQuantity: 2500 },
      ]);
      const requests = posts.filter((s) => s.path === '/aid-requests');
      expect(requests).toHaveLength(4);
      expect(requests.every((r) => r.body?.hromadaId === DOLYNA_ID)).toBe(true);
      expect(requests[0].body?.title).toBe(DEMO_DELIVERED_TITLE);
      // What the real services would accept: every body passes their DTOs as the platform validates them.
      const dtoOf = (path: string) =>
        path === '/partnerships'
          ? RecordPartnershipDto
          : path === '/aid-requests'
            ? CreateAidRequestDto
            : path.endsWith('/pledges')
              ? CreatePledgeDto
              : path === '/shipments'
                ? CreateShipmentDto
                : path.endsWith('/receipt')
                  ? CreateReceiptDto
                  : undefined;
      for (const post of posts) {
        const dto = dtoOf(post.path);
        if (!dto) continue;
        const errors = await validate(plainToInstance(dto as new () => object, post.body ?? {}), {
          whitelist: true,
          forbidNonWhitelisted: true,
        });
        expect({ path: post.path, errors }).toEqual({ path: post.path, errors: [] });
      }
    } finally {
      await fake.close();
    }
  });

  it('should find the recorded partnership and create nothing in logistics when a previous start seeded it', async () => {
    const fake = await fakeServices({ alreadyRecorded: true, alreadySeeded: true });
    try {
      expect(await seedDemoAid(fake.services, 20_000)).toEqual({
        partnership: 'existing',
        requests: 'existing',
      });
      expect(fake.seen.filter((s) => s.method === 'POST' && s.path !== '/partnerships')).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('should take Dolyna of Ivano-Frankivsk oblast, not its namesake, and the district, not the city', () => {
    const items = [
      {
        municipalityId: 'k',
        kind: 'hromada',
        nameNative: 'Долинська міська територіальна громада',
        officialCode: 'UA35040110000055821',
      },
      {
        municipalityId: 'd',
        kind: 'hromada',
        nameNative: 'Долинська міська територіальна громада',
        officialCode: 'UA26060130000047466',
      },
    ];
    expect(pickDemoMunicipality(items, 'hromada')?.municipalityId).toBe('d');
    expect(
      pickDemoMunicipality(
        [
          {
            municipalityId: 'c',
            kind: 'eu-municipality',
            nameNative: 'Šiaulių miesto savivaldybė',
            officialCode: '29',
          },
        ],
        'eu',
      ),
    ).toBeUndefined();
  });
});
