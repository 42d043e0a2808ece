import { classifyWebhookResponse } from '../../webhooks/webhook-retry.policy';
import { signWebhook } from '../../webhooks/webhook-signature.util';

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
  durationMs: number;
}

export interface WebhookSenderOptions {
  /** Give up on a receiver after this long (counted as transient). Default 10 s. */
  timeoutMs?: number;
  userAgent?: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Clock for the signature timestamp; defaults to now. */
  now?: () => Date;
}

/**
 * Signs and POSTs one webhook (see docs/webhooks.md). Redirects are not followed: a receiver that moved
 * must update its subscription, and following them would send signed payloads to wherever they point.
 */
export class WebhookSender {
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => Date;

  constructor(options: WebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? 'Bridges-Webhooks/1';
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
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
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { outcome: 'permanent', error: `unsupported protocol ${url.protocol}`, durationMs: elapsed() };
    }
    const signed = signWebhook({ ...request, timestamp: this.now() });
    try {
      const response = await this.fetchFn(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/json', 'User-Agent': this.userAgent, ...signed.headers },
        body: request.rawBody,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // Free the connection; the receiver's answer body carries nothing we use.
      await response.body?.cancel().catch(() => undefined);
      const outcome = classifyWebhookResponse(response.status);
      return {
        outcome,
        status: response.status,
        ...(outcome === 'delivered' ? {} : { error: `HTTP ${response.status}` }),
        durationMs: elapsed(),
      };
    } catch (error) {
      return {
        outcome: 'transient',
        error: describeFetchError(error, this.timeoutMs),
        durationMs: elapsed(),
      };
    }
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  // Duck-typed, not instanceof: fetch errors may come from another realm (e.g. under a test runner).
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  if (typeof e.cause?.message === 'string') return e.cause.message;
  return typeof e.message === 'string' ? e.message : String(error);
}
