/**
 * npm run bench:events — registrations per second on one event with quotas (see docs/benchmarks.md,
 * "Events"): 32 concurrent clients register one person each over HTTP against the real service (event
 * lock, seat ledger, quotas, waiting list, outbox, in one transaction per registration), until more
 * people registered than there are seats; then the same rows written as plain INSERTs (a registration
 * and a participant per transaction, no lock, no counters, no events) over 32 connections, in the same
 * run; and, for scale, as many reads of the event over the same HTTP stack. Then the invariant: seats held never exceed capacity or any quota, and equal the participants
 * holding one.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Topics, topicSpec } from '@bridges/contracts';
import { connectEventConsumer } from '@bridges/messaging';
import { createServiceApp, DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { EventsEnv } from '../../apps/events/src/config/events.env';
import { EventsAppModule } from '../../apps/events/src/events-app.module';
import { benchInfra } from '../support/bench-infra';
import { percentile, printTable, round } from '../support/stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 2_000);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 3_000);
/** Share of registrations per country, and each country's quota as a share of capacity. */
const COUNTRIES = [
  { country: 'UA', share: 0.55, quota: 0.6 },
  { country: 'PL', share: 0.3, quota: 0.3 },
  { country: 'SK', share: 0.15, quota: 0.1 },
] as const;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `work(i)` for i in 0..n-1 on `clients` concurrent loops; returns seconds and per-call latencies. */
async function concurrently(n: number, clients: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function countryOf(i: number): string {
  const x = (i * 0.6180339887) % 1; // spread the countries evenly over the run
  let acc = 0;
  for (const c of COUNTRIES) if (x < (acc += c.share)) return c.country;
  return COUNTRIES[0].country;
}

async function main(): Promise<void> {
  const infra = await benchInfra(
    'events',
    [
      Topics.events.event,
      Topics.events.registration,
      Topics.matching.partnership,
      Topics.associations.inbound,
    ].map((name) => ({ name, partitions: topicSpec(name).partitions })),
  );
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.brokers.join(','),
    KAFKA_TOPIC_PREFIX: infra.topicPrefix,
    HTTP_PORT: '0',
    LOG_LEVEL: 'error',
  });
  console.log(
    `host: ${cpus().length} cores, load average ${loadavg()
      .map((l) => round(l, 1))
      .join(' ')} at start`,
  );
  const app = await createServiceApp(EventsAppModule, EventsEnv, { title: 'events bench' });
  connectEventConsumer(app);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const pool = new Pool({ connectionString: infra.databaseUrl, max: CLIENTS });
  try {
    const token = `Bearer ${await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.EventsCoordinator], sub: 'bench' })}`;
    const headers = { authorization: token, 'content-type': 'application/json' };
    const year = new Date().getUTCFullYear() + 1;
    const created = await fetch(`${base}/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'solidarity-forum',
        titleUk: 'Бенчмарк',
        titleEn: 'Benchmark forum',
        organiserType: 'coordinators',
        format: 'in-person',
        venue: 'Bench hall',
        startsAt: `${year}-03-10T09:00:00Z`,
        endsAt: `${year}-03-11T17:00:00Z`,
        timeZone: 'Europe/Warsaw',
        workingLanguages: ['uk', 'en'],
        capacity: CAPACITY,
        approvalRequired: false,
        access: 'open',
        quotas: COUNTRIES.map((c) => ({
          dimension: 'country',
          key: c.country,
          seats: Math.round(c.quota * CAPACITY),
        })),
      }),
    });
    const eventId = ((await created.json()) as { id: string }).id;
    await fetch(`${base}/events/${eventId}/status`, {
      method: 'POST',
      headers,
      body: '{"status":"published"}',
    });

    log(`registering ${REGISTRATIONS} people with ${CLIENTS} concurrent clients over HTTP ...`);
    const statuses = new Map<number, number>();
    const http = await concurrently(REGISTRATIONS, CLIENTS, async (i) => {
      const res = await fetch(`${base}/events/${eventId}/registrations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'individual',
          country: countryOf(i),
          participants: [{ fullName: `Bench ${i}`, email: `bench-${i}@example.org`, language: 'uk' }],
        }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });

    log(`reading the event over HTTP as often, for the cost of the HTTP stack itself ...`);
    const reads = await concurrently(REGISTRATIONS, CLIENTS, async () => {
      const res = await fetch(`${base}/events/${eventId}`, { headers });
      await res.arrayBuffer();
    });

    log(`writing the same rows as plain INSERTs over ${CLIENTS} connections ...`);
    const plainEvent = randomUUID();
    const plain = await concurrently(REGISTRATIONS, CLIENTS, async (i) => {
      const client = await pool.connect();
      try {
        const registrationId = randomUUID();
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO registration (id, event_id, type, country, contact_language, registered_by) VALUES ($1, $2, 'individual', $3, 'uk', 'bench')`,
          [registrationId, plainEvent, countryOf(i)],
        );
        await client.query(
          `INSERT INTO participant (id, registration_id, event_id, position, status, country, arrival_seq, full_name, email, language,
             accommodation_nights, is_minor, check_in_code)
           VALUES ($1, $2, $3, 1, 'confirmed', $4, nextval('participant_arrival_seq'), $5, $6, 'uk', '{}', false, $7)`,
          [
            randomUUID(),
            registrationId,
            plainEvent,
            countryOf(i),
            `Bench ${i}`,
            `bench-${i}@example.org`,
            randomUUID(),
          ],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });

    const dataSource = app.get(DataSource);
    const [event] = await dataSource.query<{ capacity: number; held: number }[]>(
      `SELECT capacity, seats_held AS held FROM event WHERE id = $1`,
      [eventId],
    );
    const byStatus = await dataSource.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM participant WHERE event_id = $1 GROUP BY status ORDER BY status`,
      [eventId],
    );
    const quotas = await dataSource.query<{ key: string; seats: number; held: number; holding: number }[]>(
      `SELECT q.key, q.seats, q.held,
              (SELECT count(*)::int FROM participant p WHERE p.event_id = q.event_id AND p.country = q.key
                 AND p.status IN ('pending', 'offered', 'confirmed')) AS holding
         FROM event_quota q WHERE q.event_id = $1 ORDER BY q.key`,
      [eventId],
    );
    const holding = byStatus
      .filter((s) => ['pending', 'offered', 'confirmed'].includes(s.status))
      .reduce((sum, s) => sum + s.n, 0);
    const oversold =
      Math.max(0, holding - event.capacity) +
      quotas.reduce((sum, q) => sum + Math.max(0, q.holding - q.seats), 0);

    console.log(
      `\nRegistrations on one event (capacity ${CAPACITY}, quotas ${quotas.map((q) => `${q.key} ${q.seats}`).join(', ')}), ${CLIENTS} concurrent clients`,
    );
    printTable([
      {
        what: 'POST /events/:id/registrations (HTTP, lock, ledger, outbox)',
        rows: REGISTRATIONS,
        seconds: round(http.seconds),
        'per s': Math.round(REGISTRATIONS / http.seconds),
        'p50 ms': round(percentile(http.latencies, 50)),
        'p99 ms': round(percentile(http.latencies, 99)),
      },
      {
        what: 'GET /events/:id (same HTTP stack and auth, reads only)',
        rows: REGISTRATIONS,
        seconds: round(reads.seconds),
        'per s': Math.round(REGISTRATIONS / reads.seconds),
        'p50 ms': round(percentile(reads.latencies, 50)),
        'p99 ms': round(percentile(reads.latencies, 99)),
      },
      {
        what: 'plain INSERT of the same rows (no lock, no counters, no events)',
        rows: REGISTRATIONS,
        seconds: round(plain.seconds),
        'per s': Math.round(REGISTRATIONS / plain.seconds),
        'p50 ms': round(percentile(plain.latencies, 50)),
        'p99 ms': round(percentile(plain.latencies, 99)),
      },
    ]);
    console.log(`ratio registrations / plain inserts: ${round(plain.seconds / http.seconds, 2)}`);
    console.log(`HTTP answers: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
    console.log(`participants: ${byStatus.map((s) => `${s.status} ${s.n}`).join(', ')}`);
    console.log(`seats held ${event.held} of ${event.capacity} (participants holding one: ${holding})`);
    for (const q of quotas)
      console.log(`quota ${q.key}: held ${q.held} of ${q.seats} (participants holding one: ${q.holding})`);
    console.log(
      `invariant: oversold = ${oversold}${oversold === 0 && event.held === holding ? ' (counters agree with the rows)' : ' — VIOLATED'}`,
    );
    if (oversold !== 0 || event.held !== holding) process.exitCode = 1;
  } finally {
    await pool.end();
    await app.close();
    console.log(
      `load average ${loadavg()
        .map((l) => round(l, 1))
        .join(' ')} at end`,
    );
    await infra.close();
  }
}

void main();
