/**
 * HTTP load from a process of its own (autocannon), so the generator never competes with the server
 * for its event loop. `startLoadGenerator()` forks this file once; each `run()` is one autocannon round.
 */
import autocannon, { type AutocannonRequest } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';

export interface LoadRound {
  /** Full URL of the first path; `paths` (when given) are drawn at random per request instead. */
  readonly url: string;
  readonly paths?: readonly string[];
  /**
   * POST this JSON body instead of GET; every `{{n}}` in it becomes a number unique to the request
   * (`uniqueFrom` + a counter), for writes that must not collide.
   */
  readonly post?: { readonly body: string; readonly uniqueFrom: number };
  readonly seconds: number;
  readonly connections: number;
  readonly headers: Record<string, string>;
}

export interface LoadResult {
  /** 2xx responses per second over the round. */
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

type Reply = { ok: true; result: LoadResult } | { ok: false; error: string };

export interface LoadGenerator {
  run(round: LoadRound): Promise<LoadResult>;
  close(): void;
}

export async function startLoadGenerator(): Promise<LoadGenerator> {
  const child: ChildProcess = fork(__filename, [], { execArgv: ['-r', '@swc-node/register'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
  });
  return {
    run: (round) =>
      new Promise<LoadResult>((resolve, reject) => {
        child.once('message', (reply: Reply) =>
          reply.ok ? resolve(reply.result) : reject(new Error(reply.error)),
        );
        child.send(round);
      }),
    close: () => void child.kill(),
  };
}

function requestsOf(round: LoadRound): AutocannonRequest[] | undefined {
  const { paths, post } = round;
  if (post) {
    let counter = post.uniqueFrom;
    return [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: post.body.replaceAll('{{n}}', String(counter++)) }),
      },
    ];
  }
  if (paths)
    return [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[randomInt(paths.length)] }) },
    ];
  return undefined;
}

async function runRound(round: LoadRound): Promise<LoadResult> {
  const result = await autocannon({
    url: round.url,
    connections: round.connections,
    duration: round.seconds,
    headers: round.post ? { ...round.headers, 'content-type': 'application/json' } : round.headers,
    requests: requestsOf(round),
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0)
    throw new Error(
      `${failed} requests failed or answered other than 2xx (status counts ${JSON.stringify(result.statusCodeStats)})`,
    );
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}

// In the forked process: answer each round the parent sends.
if (require.main === module && process.send) {
  process.on('message', (round: LoadRound) => {
    runRound(round).then(
      (result) => process.send!({ ok: true, result } satisfies Reply),
      (error: unknown) => process.send!({ ok: false, error: String(error) } satisfies Reply),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
