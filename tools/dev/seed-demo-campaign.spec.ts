import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';
import { seedDemoCampaign } from './seed-demo-campaign';

/** A stand-in for matching's /campaigns that records what it was sent. */
async function fakeMatching(existingSlugs: string[]) {
  const requests: { method: string; auth: string; body: Record<string, unknown> | null }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        auth: req.headers.authorization ?? '',
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
      });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET') res.end(JSON.stringify(existingSlugs.map((slug) => ({ slug }))));
      else res.writeHead(201).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe(seedDemoCampaign.name, () => {
  it('should create the active 2021-like campaign as a coordinator when matching has none', async () => {
    const matching = await fakeMatching([]);
    try {
      expect(await seedDemoCampaign(matching.url)).toBe('created');
      expect(matching.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      expect(matching.requests[1].auth).toMatch(/^Bearer ey/);
      expect(matching.requests[1].body).toMatchObject({
        slug: CAMPAIGN_2021_PRESET.id,
        euEligibility: {
          countries: ['EE', 'LT', 'LV', 'PL', 'SK'],
          populationMin: 400,
          populationMax: 50_000,
        },
      });
    } finally {
      await matching.close();
    }
  });

  it('should create nothing when the demo campaign exists (a database seeded before)', async () => {
    const matching = await fakeMatching(['other', CAMPAIGN_2021_PRESET.id]);
    try {
      expect(await seedDemoCampaign(matching.url)).toBe('existing');
      expect(matching.requests.map((r) => r.method)).toEqual(['GET']);
    } finally {
      await matching.close();
    }
  });
});
