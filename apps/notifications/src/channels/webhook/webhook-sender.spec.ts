import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../webhooks/webhook-signature.util';
import { WebhookSender } from './webhook-sender';

interface Received {
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
}

// A real HTTP receiver on loopback; each test sets how it answers.
describe(WebhookSender.name, () => {
  let server: Server;
  let baseUrl: string;
  let received: Received[];
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    received = [];
    answer = (_req, res) => res.writeHead(204).end();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe('send', () => {
    it('should POST a body the receiver can verify with the documented recipe', async () => {
      const result = await new WebhookSender().send(request());

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
      expect(await new WebhookSender().send(request())).toMatchObject({
        outcome: 'transient',
        status: 503,
        error: 'HTTP 503',
      });
    });

    it('should report a permanent failure when the receiver rejects with 400', async () => {
      answer = (_req, res) => res.writeHead(400).end('invalid signature');
      expect(await new WebhookSender().send(request())).toMatchObject({ outcome: 'permanent', status: 400 });
    });

    it('should not follow a redirect when the receiver answers 301', async () => {
      answer = (req, res) =>
        res.writeHead(req.url === '/hook' ? 301 : 204, { Location: `${baseUrl}/elsewhere` }).end();
      const result = await new WebhookSender().send(request());
      expect(result).toMatchObject({ outcome: 'permanent', status: 301 });
      expect(received.map((r) => r.rawBody.length)).toHaveLength(1);
    });

    it('should report a transient failure when the receiver does not answer in time', async () => {
      answer = (_req, res) => setTimeout(() => res.writeHead(204).end(), 500);
      const result = await new WebhookSender({ timeoutMs: 100 }).send(request());
      expect(result).toMatchObject({ outcome: 'transient', error: 'no answer within 100 ms' });
    });

    it('should report a transient failure when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));

      const result = await new WebhookSender().send({ ...request(), url: `http://127.0.0.1:${port}/hook` });
      expect(result).toMatchObject({ outcome: 'transient', error: 'ECONNREFUSED' });
    });

    it('should refuse a non-HTTP URL without sending anything', async () => {
      const result = await new WebhookSender().send({ ...request(), url: 'file:///etc/passwd' });
      expect(result).toMatchObject({ outcome: 'permanent' });
      expect(received).toHaveLength(0);
    });
  });
});
