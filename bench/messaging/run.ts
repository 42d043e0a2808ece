/**
 * npm run bench:messaging — the outbox path end to end (insert, relay, publish) against a raw kafkajs
 * producer measured in the same run on the same broker: throughput from the first insert until the
 * outbox is empty, latency from before the write until a consumer sees the record (see docs/benchmarks.md).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  PartnershipEstablishedV1Event,
  Topics,
  toRecordHeaders,
  type PartnershipEstablishedV1,
} from '@bridges/contracts';
import {
  KafkaConnection,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  OutboxWriter,
  TopicNamer,
  type MessagingOptions,
} from '@bridges/messaging';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { benchInfra } from '../support/bench-infra';
import { median, percentile, printTable, round } from '../support/stats';

const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const TOPIC = Topics.matching.partnership;

const payload = (): PartnershipEstablishedV1 => ({
  partnershipId: randomUUID(),
  proposalId: randomUUID(),
  campaignId: randomUUID(),
  hromadaId: randomUUID(),
  euMunicipalityId: randomUUID(),
  track: 'formal',
  establishedAt: new Date().toISOString(),
});

const rawRecord = (p: PartnershipEstablishedV1) => {
  const id = randomUUID();
  return {
    id,
    key: p.partnershipId,
    value: JSON.stringify(p),
    headers: toRecordHeaders({
      id,
      type: PartnershipEstablishedV1Event.type,
      source: '/bench',
      time: new Date().toISOString(),
      subject: p.partnershipId,
      correlationId: id,
    }),
  };
};

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const infra = await benchInfra('messaging', [{ name: TOPIC, partitions: 6 }]);
  const physicalTopic = `${infra.topicPrefix}${TOPIC}`;
  const options: MessagingOptions = {
    brokers: infra.brokers,
    clientId: 'bench-messaging',
    serviceName: 'bench',
    consumerGroupId: 'bench',
    topicPrefix: infra.topicPrefix,
    relay: { enabled: false, batchSize: BATCH, pollIntervalMs: 1000 },
  };
  const dataSource = await new DataSource(
    postgresDataSourceOptions({
      url: infra.databaseUrl,
      applicationName: 'bench-messaging',
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    }),
  ).initialize();
  await runMigrationsUnderLock(dataSource);
  const connection = new KafkaConnection(infra.brokers, 'bench-messaging');
  const writer = new OutboxWriter(options);
  const relay = new OutboxRelay(dataSource, connection, new TopicNamer(infra.topicPrefix), options);
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: infra.brokers, logLevel: logLevel.NOTHING });
  // The raw baseline uses the same producer settings as the relay: idempotent, acks from all replicas.
  const raw = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await raw.connect();

  try {
    // --- Throughput: same events, same batch size, raw producer vs relay draining the outbox.
    const rawRates: number[] = [];
    const relayRates: number[] = [];
    const insertRates: number[] = [];
    for (let run = 1; run <= REPEATS; run++) {
      const records = Array.from({ length: EVENTS }, () => rawRecord(payload()));
      let started = process.hrtime.bigint();
      for (let i = 0; i < records.length; i += BATCH) {
        await raw.sendBatch({
          acks: -1,
          topicMessages: [{ topic: physicalTopic, messages: records.slice(i, i + BATCH) }],
        });
      }
      rawRates.push(EVENTS / (Number(process.hrtime.bigint() - started) / 1e9));

      // End to end, as a service sees it: the clock starts before the first outbox insert, the relay
      // runs meanwhile (woken by NOTIFY), and stops when the outbox is empty again.
      relay.start();
      started = process.hrtime.bigint();
      for (let i = 0; i < EVENTS; i += BATCH) {
        await dataSource.transaction(async (manager) => {
          for (let j = 0; j < BATCH && i + j < EVENTS; j++)
            await writer.append(manager, PartnershipEstablishedV1Event, payload());
        });
      }
      const inserted = process.hrtime.bigint();
      while ((await relay.backlog()) > 0) await new Promise((r) => setTimeout(r, 5));
      const drained = process.hrtime.bigint();
      await relay.stop();
      relayRates.push(EVENTS / (Number(drained - started) / 1e9));
      insertRates.push(EVENTS / (Number(inserted - started) / 1e9));
      log(
        `throughput run ${run}/${REPEATS}: raw ${round(rawRates.at(-1)!, 0)} ev/s, relay ${round(relayRates.at(-1)!, 0)} ev/s`,
      );
    }

    // --- Latency at a steady rate: commit (or raw send) to consumed.
    const received = new Map<string, number>();
    const consumer: Consumer = kafka.consumer({ groupId: `bench-latency-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [physicalTopic], fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: ({ message }) => {
        const id = message.headers?.ce_id?.toString();
        if (id) received.set(id, performance.now());
        return Promise.resolve();
      },
    });
    await joined;
    await new Promise((r) => setTimeout(r, 2000)); // let the group settle on the latest offsets

    const steady = async (send: () => Promise<[string, number]>): Promise<number[]> => {
      const sent = new Map<string, number>();
      const total = RATE * LATENCY_SECONDS;
      const startedAt = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = startedAt + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(send().then(([id, at]) => void sent.set(id, at)));
      }
      await Promise.all(inFlight);
      const deadline = Date.now() + 30_000;
      while ([...sent.keys()].some((id) => !received.has(id)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const lost = [...sent.keys()].filter((id) => !received.has(id)).length;
      if (lost > 0) throw new Error(`${lost} events were not consumed within 30 s`);
      return [...sent].map(([id, at]) => received.get(id)! - at);
    };

    const rawLatency = await steady(async () => {
      const record = rawRecord(payload());
      const at = performance.now();
      await raw.send({ topic: physicalTopic, acks: -1, messages: [record] });
      return [record.id, at];
    });
    log('raw latency run done');
    relay.start();
    // Both clocks start where the raw one does, before the write; commit-to-consumed is kept beside it.
    const committedAt = new Map<string, number>();
    const relayLatency = await steady(async () => {
      const at = performance.now();
      const meta = await dataSource.transaction((manager) =>
        writer.append(manager, PartnershipEstablishedV1Event, payload()),
      );
      committedAt.set(meta.id, performance.now());
      return [meta.id, at];
    });
    const commitLatency = [...committedAt].map(([id, at]) => received.get(id)! - at);
    await relay.stop();
    await consumer.disconnect();

    const ratios = relayRates.map((rate, i) => rate / rawRates[i]);
    console.log(
      `\nbench:messaging — ${EVENTS} events x ${REPEATS} runs, batch ${BATCH}; latency at ${RATE} ev/s for ${LATENCY_SECONDS} s`,
    );
    printTable([
      {
        measure: 'throughput, median (events/s)',
        'raw kafkajs': round(median(rawRates), 0),
        'outbox relay': round(median(relayRates), 0),
        // Each run's raw and relay figures were measured back to back: their ratio cancels the machine's drift.
        'relay/raw': `${round(median(ratios), 2)} (${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)})`,
      },
      {
        measure: 'outbox inserts alone, median (events/s)',
        'raw kafkajs': '',
        'outbox relay': round(median(insertRates), 0),
        'relay/raw': '',
      },
      {
        measure: 'latency p50, write to consumed (ms)',
        'raw kafkajs': round(percentile(rawLatency, 50)),
        'outbox relay': round(percentile(relayLatency, 50)),
        'relay/raw': '',
      },
      {
        measure: 'latency p99, write to consumed (ms)',
        'raw kafkajs': round(percentile(rawLatency, 99)),
        'outbox relay': round(percentile(relayLatency, 99)),
        'relay/raw': '',
      },
      {
        measure: 'latency p50 / p99, commit to consumed (ms)',
        'raw kafkajs': '',
        'outbox relay': `${round(percentile(commitLatency, 50))} / ${round(percentile(commitLatency, 99))}`,
        'relay/raw': '',
      },
    ]);
    console.log(
      'Targets: relay >= 0.5 x raw throughput at the same batch size; relay p99 < 100 ms at 500 events/s.',
    );
    console.log(
      'Throughput: raw = sendBatch calls; relay = from the first outbox insert until the outbox is empty, the relay running meanwhile; ' +
        'relay/raw = median of the per-run ratios (range). ' +
        'Latency clocks start before the write (raw send, or the outbox transaction) and stop when a consumer sees the record.',
    );
  } finally {
    await relay.stop();
    await raw.disconnect();
    await connection.close();
    await dataSource.destroy();
    await infra.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
