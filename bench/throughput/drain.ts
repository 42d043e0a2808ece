import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { median, round } from '../support/stats';
import type { ConsumerGroupWatch } from './consumer-group';
import type { ServiceProcess } from './service-process';
import { log, ROUNDS } from './settings';

const DRAIN_TIMEOUT_MS = 15 * 60_000;

/** One backlog drained by one instance. */
export interface Drain {
  readonly eventsPerSecond: number;
  /** CPU seconds of the service process per wall second during the drain. */
  readonly cores: number;
}

/** The instance under test, its consumer group, and the brokers to produce the backlog to. */
export interface ConsumerUnderTest {
  readonly svc: ServiceProcess;
  readonly watch: ConsumerGroupWatch;
  readonly brokers: string[];
}

type Sendable = { key: string; value: string; headers: Record<string, string> };

/** Produces `records` as a backlog and times the group until it has committed all of them. */
export async function drain(
  { svc, watch, brokers }: ConsumerUnderTest,
  topic: string,
  records: readonly Sendable[],
): Promise<Drain> {
  const producer = await rawProducer(brokers);
  try {
    const cpu = await svc.cpuSeconds();
    const started = performance.now();
    for (let i = 0; i < records.length; i += 500)
      await producer.send({
        topic,
        messages: records.slice(i, i + 500).map(({ key, value, headers }) => ({ key, value, headers })),
      });
    await watch.waitDrained(topic, DRAIN_TIMEOUT_MS);
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: records.length / seconds, cores: ((await svc.cpuSeconds()) - cpu) / seconds };
  } finally {
    await producer.close();
  }
}

/** One warm-up round (JIT, connection pools, caches; not counted), then ROUNDS measured ones. */
export async function rounds(what: string, run: () => Promise<Drain>): Promise<Drain[]> {
  log(`  ${what} warm-up: ${Math.round((await run()).eventsPerSecond)} events/s (not counted)`);
  const drains: Drain[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    drains.push(await run());
    log(`  ${what} round ${r + 1}/${ROUNDS}: ${Math.round(drains.at(-1)!.eventsPerSecond)} events/s`);
  }
  return drains;
}

export const medianRate = (drains: readonly Drain[]) =>
  Math.round(median(drains.map((d) => d.eventsPerSecond)));
export const medianCores = (drains: readonly Drain[]) => round(median(drains.map((d) => d.cores)), 2);

/** A table row for the drains of one kind of event. */
export function drainRow(what: string, events: number, drains: readonly Drain[]) {
  return {
    backlog: what,
    'events per round': events,
    'events/s': medianRate(drains),
    rounds: drains.map((d) => Math.round(d.eventsPerSecond)).join(' '),
    'service cores': medianCores(drains),
  };
}
