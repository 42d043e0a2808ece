import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { verifyWebhookSignature } from '../../webhooks/webhook-signature.util';
import { webhookTargetPolicyFor, type WebhookTargetSettings } from '../../webhooks/webhook-target.policy';
import { WebhookSender } from './webhook-sender';
import { WebhookTargetGuard, type HostResolver } from './webhook-target.guard';

interface Received {
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
}

/** Names resolve only through this table: no real DNS in tests. */
const resolverOf =
  (table: Record<string, string[]>): HostResolver =>
  (hostname) =>
    Promise.resolve((table[hostname] ?? []).map((address): LookupAddress => ({ address, family: 4 })));

/** Production's address rules over plain http, so the loopback receiver below can answer. */
function productionAddressRules(settings: Omit<WebhookTargetSettings, 'production'> = {}) {
  return { ...webhookTargetPolicyFor({ production: true, ...settings }), requireHttps: false };
}

// A real HTTP receiver on loopback; each test sets how it answers.
describe(WebhookSender.name, () => {
  let server: Server;
  let baseUrl: string;
  let port: number;
  let received: Received[];
  /** TCP connections the receiver accepted: proves that a refused target was never connected to. */
  let connections: number;
  const senders: WebhookSender[] = [];
  const sender = (options: { guard?: WebhookTargetGuard; timeoutMs?: number } = {}) => {
    const created = new WebhookSender({
      guard: options.guard ?? new WebhookTargetGuard(webhookTargetPolicyFor({ production: false })),
      timeoutMs: options.timeoutMs,
    });
    senders.push(created);
    return created;
  };
  let answer: (req: IncomingMessage, res: ServerResponse) => void;
  const secret = 'whsec_sender_test';
  const rawBody = JSON.stringify({
    id: 'evt-1',
    type: 'matching.partnership.established.v1',
    data: { name: 'Житомир' },
  });
  const request = (path = '/hook') => ({
    url: `${baseUrl}${path}`,
    secret,
    eventId: 'evt-1',
    eventType: 'matching.partnership.established.v1',
    rawBody,
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
        answer(req, res);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    baseUrl = `http://127.0.0.1:${port}`;
  });

  beforeEach(() => {
    received = [];
    connections = 0;
    answer = (_req, res) => res.writeHead(204).end();
  });

  afterEach(() => senders.splice(0).forEach((s) => s.close()));

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe('send', () => {
    it('should POST a body the receiver can verify with the documented recipe', async () => {
      const result = await sender().send(request());

      expect(result).toMatchObject({ outcome: 'delivered', status: 204 });
      expect(received).toHaveLength(1);
      const [{ headers, rawBody: body }] = received;
      expect(body.toString('utf8')).toBe(rawBody);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['bridges-event-id']).toBe('evt-1');
      expect(headers['bridges-event-type']).toBe('matching.partnership.established.v1');
      expect(
        verifyWebhookSignature({ header: headers['bridges-signature'] as string, rawBody: body, secret }).ok,
      ).toBe(true);
      expect(
        verifyWebhookSignature({
          header: headers['bridges-signature'] as string,
          rawBody: body,
          secret: 'other',
        }).ok,
      ).toBe(false);
    });

    it('should report a transient failure when the receiver answers 503', async () => {
      answer = (_req, res) => res.writeHead(503).end('down for maintenance');
      expect(await sender().send(request())).toMatchObject({
        outcome: 'transient',
        status: 503,
        error: 'HTTP 503',
      });
    });

    it('should report a permanent failure when the receiver rejects with 400', async () => {
      answer = (_req, res) => res.writeHead(400).end('invalid signature');
      expect(await sender().send(request())).toMatchObject({ outcome: 'permanent', status: 400 });
    });

    it('should not follow a redirect when the receiver answers 301', async () => {
      answer = (req, res) =>
        res.writeHead(req.url === '/hook' ? 301 : 204, { Location: `${baseUrl}/elsewhere` }).end();
      const result = await sender().send(request());
      expect(result).toMatchObject({ outcome: 'permanent', status: 301 });
      expect(received.map((r) => r.rawBody.length)).toHaveLength(1);
    });

    it('should report a transient failure when the receiver does not answer in time', async () => {
      answer = (_req, res) => setTimeout(() => res.writeHead(204).end(), 500);
      const result = await sender({ timeoutMs: 100 }).send(request());
      expect(result).toMatchObject({ outcome: 'transient', error: 'no answer within 100 ms' });
    });

    it('should report a transient failure when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));

      const result = await sender().send({ ...request(), url: `http://127.0.0.1:${port}/hook` });
      expect(result).toMatchObject({ outcome: 'transient', error: 'ECONNREFUSED' });
    });

    it('should refuse a non-HTTP URL without sending anything', async () => {
      const result = await sender().send({ ...request(), url: 'file:///etc/passwd' });
      expect(result).toMatchObject({ outcome: 'permanent' });
      expect(received).toHaveLength(0);
    });
  });

  describe('send, with production address rules', () => {
    it('should refuse a loopback address without connecting to it', async () => {
      const guard = new WebhookTargetGuard(productionAddressRules());
      const result = await sender({ guard }).send(request());
      expect(result).toMatchObject({
        outcome: 'permanent',
        refused: true,
        error: '127.0.0.1, a loopback address',
      });
      expect(connections).toBe(0);
    });

    it('should refuse a name that resolves to a loopback address without connecting to it (DNS rebinding)', async () => {
      const guard = new WebhookTargetGuard(
        productionAddressRules(),
        resolverOf({ 'hooks.rebind.test': ['127.0.0.1'] }),
      );
      const result = await sender({ guard }).send({
        ...request(),
        url: `http://hooks.rebind.test:${port}/hook`,
      });
      expect(result).toMatchObject({
        outcome: 'permanent',
        refused: true,
        error: 'hooks.rebind.test resolves to 127.0.0.1, a loopback address',
      });
      expect(connections).toBe(0);
    });

    it('should refuse a name when any one of its addresses is internal', async () => {
      const guard = new WebhookTargetGuard(
        productionAddressRules({ allowedCidrs: ['127.0.0.1/32'] }),
        resolverOf({ 'hooks.mixed.test': ['127.0.0.1', '10.0.0.1'] }),
      );
      const result = await sender({ guard }).send({
        ...request(),
        url: `http://hooks.mixed.test:${port}/hook`,
      });
      expect(result).toMatchObject({
        refused: true,
        error: 'hooks.mixed.test resolves to 10.0.0.1, a private address',
      });
      expect(connections).toBe(0);
    });

    it('should connect to the address it checked, resolving once, when the range is allowed', async () => {
      let resolutions = 0;
      const table = resolverOf({ 'hooks.intranet.test': ['127.0.0.1'] });
      const guard = new WebhookTargetGuard(
        productionAddressRules({ allowedCidrs: ['127.0.0.1/32'] }),
        (host) => {
          resolutions++;
          return table(host);
        },
      );
      const result = await sender({ guard }).send({
        ...request(),
        url: `http://hooks.intranet.test:${port}/hook`,
      });
      expect(result).toMatchObject({ outcome: 'delivered', status: 204 });
      expect(received[0].headers.host).toBe(`hooks.intranet.test:${port}`);
      expect(resolutions).toBe(1);
    });

    it('should connect to an allowed host whatever it resolves to', async () => {
      const guard = new WebhookTargetGuard(
        productionAddressRules({ allowedHosts: ['hooks.intranet.test'] }),
        resolverOf({ 'hooks.intranet.test': ['127.0.0.1'] }),
      );
      const result = await sender({ guard }).send({
        ...request(),
        url: `http://hooks.intranet.test:${port}/hook`,
      });
      expect(result).toMatchObject({ outcome: 'delivered' });
    });

    it('should refuse http when https is required, without connecting', async () => {
      const guard = new WebhookTargetGuard(
        webhookTargetPolicyFor({ production: true, allowedCidrs: ['127.0.0.1'] }),
      );
      expect(await sender({ guard }).send(request())).toMatchObject({
        refused: true,
        error: 'must use https',
      });
      expect(connections).toBe(0);
    });
  });
});
