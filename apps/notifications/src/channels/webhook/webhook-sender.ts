import * as http from 'node:http';
import * as https from 'node:https';
import { classifyWebhookResponse } from '../../webhooks/webhook-retry.policy';
import { signWebhook } from '../../webhooks/webhook-signature.util';
import { hostOf } from '../../webhooks/webhook-target.policy';
import { WebhookTargetRefusedError, type WebhookTargetGuard } from './webhook-target.guard';

/** One webhook POST to make. */
export interface WebhookRequest {
  url: string;
  /** The subscription's secret (two during a rotation). */
  secret: string | readonly string[];
  eventId: string;
  eventType: string;
  /** The JSON body, already serialised: these exact bytes are signed and sent. */
  rawBody: string;
}

/** How one attempt went; failures are results, not exceptions, because they drive the retry state machine. */
export interface WebhookAttemptResult {
  outcome: 'delivered' | 'transient' | 'permanent';
  /** HTTP status when the receiver answered. */
  status?: number;
  /** Why it failed, safe to store (no secrets). */
  error?: string;
  /** The address policy refused the target; nothing was sent. */
  refused?: boolean;
  durationMs: number;
}

export interface WebhookSenderOptions {
  /** Which targets may be reached; its lookup resolves every connection's host. */
  guard: WebhookTargetGuard;
  /** Give up on a receiver after this long (counted as transient). Default 10 s. */
  timeoutMs?: number;
  userAgent?: string;
  /** Clock for the signature timestamp; defaults to now. */
  now?: () => Date;
}

/**
 * Signs and POSTs one webhook (see docs/webhooks.md). Redirects are not followed: a receiver that moved
 * must update its subscription, and following them would send signed payloads to wherever they point.
 *
 * Connections go through agents of its own whose lookup is the guard's, so every socket, kept-alive
 * ones included, was opened to an address the guard checked (the global agent's sockets were not).
 */
export class WebhookSender {
  private readonly guard: WebhookTargetGuard;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly now: () => Date;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(options: WebhookSenderOptions) {
    this.guard = options.guard;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? 'Bridges-Webhooks/1';
    this.now = options.now ?? (() => new Date());
    this.httpAgent = new http.Agent({ keepAlive: true, lookup: this.guard.lookup });
    this.httpsAgent = new https.Agent({ keepAlive: true, lookup: this.guard.lookup });
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Makes one attempt; never throws for delivery problems. */
  async send(request: WebhookRequest): Promise<WebhookAttemptResult> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { outcome: 'permanent', error: 'invalid URL', durationMs: elapsed() };
    }
    const verdict = this.guard.checkUrl(url);
    if (!verdict.allowed)
      return { outcome: 'permanent', refused: true, error: verdict.reason, durationMs: elapsed() };
    const signed = signWebhook({ ...request, timestamp: this.now() });
    try {
      const status = await this.post(
        url,
        {
          'Content-Type': 'application/json',
          'User-Agent': this.userAgent,
          ...signed.headers,
        },
        request.rawBody,
      );
      const outcome = classifyWebhookResponse(status);
      return {
        outcome,
        status,
        ...(outcome === 'delivered' ? {} : { error: `HTTP ${status}` }),
        durationMs: elapsed(),
      };
    } catch (error) {
      if (error instanceof WebhookTargetRefusedError)
        return { outcome: 'permanent', refused: true, error: error.message, durationMs: elapsed() };
      return {
        outcome: 'transient',
        error: describeRequestError(error, this.timeoutMs),
        durationMs: elapsed(),
      };
    }
  }

  /** One POST; resolves with the status as soon as the receiver answers. */
  private post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        {
          method: 'POST',
          protocol: url.protocol,
          host: hostOf(url),
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          agent: secure ? this.httpsAgent : this.httpAgent,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (res) => {
          // Drain and free the connection; the receiver's answer body carries nothing we use.
          res.on('error', () => undefined).resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  // Duck-typed, not instanceof: errors may come from another realm (e.g. under a test runner).
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (typeof e.code === 'string') return e.code;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  if (typeof e.cause?.message === 'string') return e.cause.message;
  return typeof e.message === 'string' ? e.message : String(error);
}
