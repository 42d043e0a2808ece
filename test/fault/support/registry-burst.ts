/**
 * Registers municipalities the way a careful client does during an outage: several requests in flight,
 * and a request that fails without an answer the client can trust (5xx, connection refused or cut) is
 * sent again until the registry acknowledges it: `201`, or `409 MUNICIPALITY_DUPLICATE`, which says an
 * earlier attempt was stored. Every answer is tallied, so a scenario can say what the client saw.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface Registration {
  country: string;
  officialCode: string;
}

export interface BurstResult {
  /** Municipalities the client tried to register. */
  sent: number;
  /** HTTP requests, retries included. */
  attempts: number;
  /** `country:officialCode` of every registration the registry acknowledged. */
  acknowledged: Set<string>;
  /** Answers by status (`201`, `409`, `503`, …) or `network` for a refused or cut connection. */
  answers: Record<string, number>;
  /** 5xx answers without a `Retry-After` header (an outage must say when to come back). */
  errorsWithoutRetryAfter: number;
}

export const registrationKey = (r: Registration): string => `${r.country}:${r.officialCode}`;

export interface BurstOptions {
  /** Requests in flight at once. */
  concurrency?: number;
  /** Give up on a registration after this long (it then counts as not acknowledged). */
  giveUpAfterMs?: number;
  /** Called after each acknowledgement with the number so far (to inject a fault mid-burst). */
  onAcknowledged?: (count: number) => void | Promise<void>;
}

export async function registerBurst(
  registryUrl: string,
  bearer: string,
  bodies: readonly Registration[],
  options: BurstOptions = {},
): Promise<BurstResult> {
  const result: BurstResult = {
    sent: bodies.length,
    attempts: 0,
    acknowledged: new Set(),
    answers: {},
    errorsWithoutRetryAfter: 0,
  };
  const queue = [...bodies];
  const giveUpAfterMs = options.giveUpAfterMs ?? 120_000;
  const tally = (answer: string): void => {
    result.answers[answer] = (result.answers[answer] ?? 0) + 1;
  };

  const registerOne = async (body: Registration): Promise<void> => {
    const deadline = Date.now() + giveUpAfterMs;
    for (let attempt = 1; Date.now() < deadline; attempt++) {
      result.attempts++;
      let retryAfterMs = Math.min(100 * 2 ** attempt, 1_000);
      try {
        const response = await fetch(`${registryUrl}/municipalities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        tally(String(response.status));
        const duplicate = response.status === 409 && text.includes('MUNICIPALITY_DUPLICATE');
        if (response.status === 201 || duplicate) {
          result.acknowledged.add(registrationKey(body));
          await options.onAcknowledged?.(result.acknowledged.size);
          return;
        }
        if (response.status < 500)
          throw new Error(`registry refused a valid registration: ${response.status} ${text}`);
        const retryAfter = response.headers.get('retry-after');
        if (retryAfter === null) result.errorsWithoutRetryAfter++;
        // Honour Retry-After, capped so the suite stays short: the outage ends when the scenario says.
        else retryAfterMs = Math.min(Number(retryAfter) * 1000, 1_000);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('registry refused')) throw error;
        tally('network');
      }
      await sleep(retryAfterMs);
    }
  };

  const worker = async (): Promise<void> => {
    for (let body = queue.shift(); body; body = queue.shift()) await registerOne(body);
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return result;
}
