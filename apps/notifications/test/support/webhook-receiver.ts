import * as crypto from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The receiver from apps/notifications/docs/webhooks.md ("Node.js (no dependencies)"), copied as
 * documented: the e2e test proves that the documented recipe accepts Bridges' requests and rejects
 * tampered ones.
 */
export function verifyBridgesSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string | string[],
  toleranceSeconds = 300,
  nowMs = Date.now(),
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) v1.push(Buffer.from(value, 'hex'));
  }
  if (t === undefined || v1.length === 0) return false;
  if (Math.abs(Math.floor(nowMs / 1000) - t) > toleranceSeconds) return false;
  return ([] as string[]).concat(secrets).some((secret) => {
    const expected = crypto.createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
    return v1.some((given) => crypto.timingSafeEqual(given, expected));
  });
}

/** One request the receiver got, and what it answered. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  accepted: boolean;
}

/** A real HTTP server on 127.0.0.1: 204 for correctly signed POSTs, 401 otherwise. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secret to verify with; set once the subscription is created. */
  secret: string;
  /** Answer 503 to everything while true (a receiver that is down). */
  failing: boolean;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secret: '',
    failing: false,
    stop: () => Promise.resolve(),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      if (receiver.failing) {
        res.writeHead(503).end();
        return;
      }
      const header = req.headers['bridges-signature'];
      const accepted = verifyBridgesSignature(
        rawBody,
        Array.isArray(header) ? header[0] : header,
        receiver.secret,
      );
      receiver.received.push({ headers: req.headers, rawBody, accepted });
      res.writeHead(accepted ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bridges/webhooks`;
  receiver.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
