import { Injectable } from '@nestjs/common';

/** What a receiver answered; `status` is undefined when there was no HTTP answer at all. */
export interface WebhookPostResult {
  status?: number;
  /** Connection error or timeout, when there was no answer. */
  error?: string;
}

/** POSTs a signed webhook body; never throws, so the dispatcher classifies every outcome the same way. */
@Injectable()
export class WebhookTransport {
  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<WebhookPostResult> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'Bridges-Webhooks/1', ...headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the body so the connection can be reused; its content is not ours to keep.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { error: cause ?? (error instanceof Error ? error.name : String(error)) };
    }
  }
}
