/**
 * `npm run bench:round-thread`: a global round at the full EU pool (60,249 LAUs × 1,469
 * hromadas, every EU municipality eligible) on the service's worker thread (RoundComputation), as a
 * matching instance runs it. Reports the peak resident memory of the process (main thread + round
 * thread: what the container's memory limit must cover), the main thread's longest event-loop stall
 * (what HTTP, health probes and Kafka heartbeats would wait) and the round's duration.
 *
 *   npm run bench:round-thread
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RoundComputation } from '../../apps/matching/src/rounds/round-computation';
import { defineCampaign } from '../../apps/matching/src/scoring/campaign';
import { loadEuMunicipalities, loadHromadas } from './load-real-data';

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main(): Promise<void> {
  const euProfiles = loadEuMunicipalities();
  const hromadas = loadHromadas();
  const loadedRss = process.memoryUsage().rss;
  let peakRss = loadedRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const computation = new RoundComputation();
  const t0 = performance.now();
  const thread = computation.start(
    {
      campaign: defineCampaign({ id: 'bench-all', name: 'All 60,249 LAUs' }),
      euProfiles,
      hromadas,
      excludedPairs: [],
    },
    () => undefined,
  );
  const handedOverMs = performance.now() - t0;
  const result = await thread.result;
  const roundMs = performance.now() - t0;
  loop.disable();
  clearInterval(sampler);
  await computation.onApplicationShutdown();
  console.log(
    JSON.stringify(
      {
        pool: euProfiles.length,
        hromadas: hromadas.length,
        pairs: result.pairs.length,
        roundSeconds: +(roundMs / 1000).toFixed(1),
        mainThreadHandOverMs: Math.round(handedOverMs),
        mainThreadMaxStallMs: Math.round(loop.max / 1e6),
        rssAfterLoading: mb(loadedRss),
        peakRss: mb(peakRss),
      },
      null,
      2,
    ),
  );
}

void main();
