import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RoundInput, RoundResult } from '../assignment/compute-round';
import type { RoundProgress } from '../assignment/round-progress';

/** What the round's worker thread posts. */
export type RoundThreadMessage =
  | { readonly kind: 'progress'; readonly progress: RoundProgress }
  | { readonly kind: 'result'; readonly result: RoundResult };

/**
 * Heap ceiling of a round's worker thread. At the full EU pool (60,249 municipalities × 1,469
 * hromadas) a round's worker peaks well below it (docs/benchmarks.md, "Global round off the main
 * thread"); a round that outgrows it fails with an error on its round instead of the kubelet
 * OOM-killing the whole instance. The container's memory limit (deploy/k8s) is sized from this.
 */
export const ROUND_WORKER_MAX_HEAP_MB = 768;

/** Sources run under @swc-node/register (npm start, tests); the build runs the compiled .js. */
const THREAD_ENTRY = join(__dirname, `round-computation.thread${extname(__filename)}`);
const THREAD_EXEC_ARGV = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];

/**
 * Runs global rounds on a worker thread: scoring and assignment take seconds of CPU at the full EU
 * pool, and on the main thread they would stall HTTP, health probes and Kafka heartbeats (the group
 * would evict a busy instance) for that long. One thread per round; a round can be abandoned (its
 * claim lost) and every thread ends with the application.
 */
@Injectable()
export class RoundComputation implements OnApplicationShutdown {
  private readonly threads = new Set<Worker>();

  /** The round's result; `onProgress` as the thread reports it. `abandon()` stops the thread. */
  start(
    input: RoundInput,
    onProgress: (progress: RoundProgress) => void,
  ): { result: Promise<RoundResult>; abandon: () => Promise<void> } {
    const thread = new Worker(THREAD_ENTRY, {
      workerData: input,
      execArgv: THREAD_EXEC_ARGV,
      resourceLimits: { maxOldGenerationSizeMb: ROUND_WORKER_MAX_HEAP_MB },
    });
    this.threads.add(thread);
    const result = new Promise<RoundResult>((resolve, reject) => {
      thread.on('message', (message: RoundThreadMessage) => {
        if (message.kind === 'progress') onProgress(message.progress);
        else resolve(message.result);
      });
      thread.once('error', reject);
      thread.once('exit', (code) => {
        this.threads.delete(thread);
        reject(new Error(`round worker thread exited with code ${code} before its result`));
      });
    });
    return { result, abandon: async () => void (await thread.terminate()) };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.threads].map((t) => t.terminate()));
  }
}
