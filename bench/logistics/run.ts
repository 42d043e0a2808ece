/**
 * npm run bench:logistics — aid logistics' shared limits and totals (see docs/benchmarks.md, "Logistics"):
 *  (a) pledges/s from 16 concurrent writers on shared request lines (request row lock, conditional UPDATE,
 *      CHECK), beside plain inserts of the same rows (pledge + pledge_line, no checks) in the same run,
 *      and a check that no line is pledged beyond its quantity;
 *  (b) GET /totals for one partnership with 10,000 partnerships × 10 delivered shipments in the database:
 *      median and p95 latency beside a bare handler on the same HTTP stack, alternated in rounds.
 * Writers call the service in-process (the HTTP stack is measured in (b)); the load generator of (b) is a
 * bounded loop of keep-alive requests on 127.0.0.1 in the same process as the server.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { Topics } from '@bridges/contracts';
import {
  createServiceApp,
  DEV_JWT_SECRET,
  Role,
  signDevToken,
  type AuthenticatedUser,
} from '@bridges/platform';
import { LogisticsEnv } from '../../apps/logistics/src/config/logistics.env';
import { LogisticsModule } from '../../apps/logistics/src/logistics.module';
import { PledgesService } from '../../apps/logistics/src/pledges/pledges.service';
import { benchInfra } from '../support/bench-infra';
import { median, percentile, printTable, round } from '../support/stats';

const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const PLEDGE_SECONDS = Number(process.env.BENCH_PLEDGE_SECONDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 8);
const LINES = 5;
const LINE_QUANTITY = Number(process.env.BENCH_LINE_QUANTITY ?? 100);
const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 10_000);
const SHIPMENTS_PER_PARTNERSHIP = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_REQUESTS = Number(process.env.BENCH_ROUND_REQUESTS ?? 2_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Same stack as the totals route (middleware, JWT guard, pipes), without the database. */
@Controller('bench')
class BareController {
  @Get('bare')
  bare() {
    return [{ dimension: 'partnership', key: 'bare', period: 'all', shipments: 0, weightKg: 0, value: [] }];
  }
}

@Module({ imports: [LogisticsModule], controllers: [BareController] })
class LogisticsBenchModule {}

async function main(): Promise<void> {
  const infra = await benchInfra('logistics', [
    { name: Topics.registry.municipality, partitions: 6 },
    { name: Topics.matching.partnership, partitions: 3 },
    { name: Topics.logistics.aidRequest, partitions: 3 },
    { name: Topics.logistics.shipment, partitions: 3 },
  ]);
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.brokers.join(','),
    KAFKA_TOPIC_PREFIX: infra.topicPrefix,
    HTTP_PORT: '0',
    LOG_LEVEL: 'error',
  });
  const loads = () =>
    loadavg()
      .map((l) => round(l, 1))
      .join(' ');
  console.log(`host: ${cpus().length} cores, load average ${loads()} at start`);
  const app = await createServiceApp(LogisticsBenchModule, LogisticsEnv, { title: 'logistics bench' });
  await app.listen(0, '127.0.0.1');
  try {
    await benchPledges(app);
    await benchTotals(app);
  } finally {
    await app.close();
    console.log(`load average ${loads()} at end`);
    await infra.close();
  }
}

/** One hromada, `WRITERS` partners, `REQUESTS` open requests of `LINES` lines each, straight into the projections. */
async function seedPledgeWorld(
  db: DataSource,
): Promise<{ partners: string[]; lines: { request: string; line: string }[] }> {
  const hromada = randomUUID();
  const partners = Array.from({ length: WRITERS }, () => randomUUID());
  const profile = (id: string, kind: string, country: string) =>
    db.query(
      `INSERT INTO municipality_projection (municipality_id, kind, version, active, country, name_latin, name_native, region_name, contacts)
       VALUES ($1, $2, 1, true, $3, 'Bench', 'Bench', 'Bench oblast', '[]')`,
      [id, kind, country],
    );
  await profile(hromada, 'hromada', 'UA');
  for (const eu of partners) {
    await profile(eu, 'eu-municipality', 'LT');
    await db.query(
      `INSERT INTO partnership_projection (partnership_id, hromada_id, eu_municipality_id, status, track, established_at, changed_at)
       VALUES ($1, $2, $3, 'active', 'formal', now(), now())`,
      [randomUUID(), hromada, eu],
    );
  }
  const lines: { request: string; line: string }[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    const request = randomUUID();
    await db.query(
      `INSERT INTO aid_request (id, hromada_id, title, status, urgency, delivery_address, version, created_by, created_at, published_at)
       VALUES ($1, $2, 'bench', 'open', 'high', 'bench', 1, 'bench', now(), now())`,
      [request, hromada],
    );
    for (let l = 1; l <= LINES; l++) {
      const line = randomUUID();
      await db.query(
        `INSERT INTO aid_request_line (id, request_id, line_no, item, category, unit, quantity)
         VALUES ($1, $2, $3, 'bench item', 'food', 'KGM', $4)`,
        [line, request, l, LINE_QUANTITY],
      );
      lines.push({ request, line });
    }
  }
  return { partners, lines };
}

async function benchPledges(app: INestApplication): Promise<void> {
  const db = app.get(DataSource);
  const pledges = app.get(PledgesService);
  const { partners, lines } = await seedPledgeWorld(db);
  log(`(a) ${WRITERS} writers pledging on ${lines.length} shared lines for ${PLEDGE_SECONDS} s ...`);
  const outcome = { made: 0, refused: 0, contended: 0, other: 0 };
  const deadline = performance.now() + PLEDGE_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    partners.map(async (eu) => {
      const user: AuthenticatedUser = {
        sub: `bench-${eu}`,
        roles: [Role.MunicipalityOfficer],
        municipalityId: eu,
      };
      while (performance.now() < deadline) {
        const target = lines[randomInt(lines.length)];
        try {
          await pledges.create(
            user,
            target.request,
            { lines: [{ lineId: target.line, quantity: 1 + randomInt(20) }] },
            undefined,
          );
          outcome.made++;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'PLEDGE_EXCEEDS_UNPLEDGED' || code === 'AID_REQUEST_NOT_PLEDGEABLE') outcome.refused++;
          else if (code === 'LOGISTICS_CONTENDED') outcome.contended++;
          else {
            outcome.other++;
            log(`unexpected: ${String(error)}`);
          }
        }
      }
    }),
  );
  const pledgeSeconds = (performance.now() - started) / 1000;
  const [check] = await db.query<{ over: number; mismatched: number; pledged: number }[]>(
    `SELECT count(*) FILTER (WHERE l.pledged > l.quantity)::int AS over,
            count(*) FILTER (WHERE l.pledged <> coalesce(p.sum, 0))::int AS mismatched,
            sum(l.pledged)::int AS pledged
       FROM aid_request_line l
       LEFT JOIN (SELECT pl.line_id, sum(pl.quantity) AS sum FROM pledge_line pl
                   JOIN pledge pg ON pg.id = pl.pledge_id WHERE pg.status = 'active' GROUP BY pl.line_id) p
         ON p.line_id = l.id`,
  );

  log(`    plain inserts of the same rows for ${PLEDGE_SECONDS} s ...`);
  const [{ request: someRequest, line: someLine }] = lines;
  let inserted = 0;
  const insertDeadline = performance.now() + PLEDGE_SECONDS * 1000;
  const insertStarted = performance.now();
  await Promise.all(
    partners.map(async (eu) => {
      while (performance.now() < insertDeadline) {
        await db.transaction(async (manager) => {
          const id = randomUUID();
          await manager.query(
            `INSERT INTO pledge (id, request_id, hromada_id, eu_municipality_id, status, created_by, created_at)
             VALUES ($1, $2, $3, $3, 'withdrawn', 'bench', now())`,
            [id, someRequest, eu],
          );
          await manager.query(`INSERT INTO pledge_line (pledge_id, line_id, quantity) VALUES ($1, $2, 1)`, [
            id,
            someLine,
          ]);
        });
        inserted++;
      }
    }),
  );
  const insertSeconds = (performance.now() - insertStarted) / 1000;

  console.log(
    `\n(a) Pledges from ${WRITERS} concurrent writers on ${lines.length} shared lines (${REQUESTS} requests × ${LINES}), quantity ${LINE_QUANTITY} each`,
  );
  printTable([
    {
      run: 'pledge (lock, conditional UPDATE, CHECK, outbox)',
      'ops/s': Math.round((outcome.made + outcome.refused) / pledgeSeconds),
      'made/s': Math.round(outcome.made / pledgeSeconds),
      refused: outcome.refused,
      contended: outcome.contended,
      other: outcome.other,
    },
    {
      run: 'plain insert of pledge + pledge_line',
      'ops/s': Math.round(inserted / insertSeconds),
      'made/s': Math.round(inserted / insertSeconds),
      refused: 0,
      contended: 0,
      other: 0,
    },
  ]);
  console.log(
    `lines pledged beyond their quantity: ${check.over}; lines whose pledged differs from their active pledges: ${check.mismatched}; ` +
      `pledged ${check.pledged} of ${lines.length * LINE_QUANTITY}`,
  );
}

/** 10,000 partnerships × 10 delivered shipments: the shipments and the aggregates their deliveries left. */
async function seedTotals(db: DataSource): Promise<string[]> {
  log(`(b) seeding ${PARTNERSHIPS} partnerships × ${SHIPMENTS_PER_PARTNERSHIP} delivered shipments ...`);
  await db.query(
    `CREATE TABLE bench_p AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, $1::int) g`,
    [PARTNERSHIPS],
  );
  await db.query(
    `INSERT INTO shipment (id, reference, request_id, hromada_id, eu_municipality_id, partnership_id, status, packages,
                           gross_weight_kg, value_minor, currency, documents, version, created_by, created_at, delivered_at)
     SELECT gen_random_uuid(), 'BR-2026-' || lpad(((p.g - 1) * $1::int + s)::text, 6, '0') || '-0', gen_random_uuid(),
            gen_random_uuid(), gen_random_uuid(), p.id, 'delivered', 10, 1000, 1000000, 'EUR', '[]', 1, 'bench',
            now(), now()
       FROM bench_p p, generate_series(1, $1::int) s`,
    [SHIPMENTS_PER_PARTNERSHIP],
  );
  // What TotalsService.recordDelivery leaves for 10 deliveries of one partnership, for every period.
  await db.query(
    `INSERT INTO aid_total (dimension, dimension_key, period, measure, unit, amount)
     SELECT 'partnership', p.id::text, per.period, m.measure, m.unit, m.amount
       FROM bench_p p,
            (VALUES ('all'), ('2026'), ('2026-03')) per(period),
            (VALUES ('shipments', '', ${SHIPMENTS_PER_PARTNERSHIP}), ('weight-kg', '', 10000),
                    ('value', 'EUR', 10000000), ('days', '12', 6), ('days', '20', 4)) m(measure, unit, amount)`,
  );
  await db.query('ANALYZE');
  return (await db.query<{ id: string }[]>(`SELECT id::text FROM bench_p`)).map((r) => r.id);
}

async function benchTotals(app: INestApplication): Promise<void> {
  const db = app.get(DataSource);
  const keys = await seedTotals(db);
  const address = app.getHttpServer().address() as { port: number };
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const token = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.LogisticsCoordinator] });
  const call = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        { host: '127.0.0.1', port: address.port, path, agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - t0)
              : reject(new Error(`${path}: ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  /** Latencies of `count` requests from CONNECTIONS concurrent loops. */
  const latencies = async (path: () => string, count: number): Promise<number[]> => {
    const samples: number[] = [];
    let left = count;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (left-- > 0) samples.push(await call(path()));
      }),
    );
    return samples;
  };
  const totalsPath = () => `/totals?dimension=partnership&key=${keys[randomInt(keys.length)]}`;
  log(
    `    warming up, then ${ROUNDS} alternating rounds of ${ROUND_REQUESTS} requests, ${CONNECTIONS} connections ...`,
  );
  await latencies(() => '/bench/bare', 300);
  await latencies(totalsPath, 300);
  const bare = { p50: [] as number[], p95: [] as number[] };
  const totals = { p50: [] as number[], p95: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const b = await latencies(() => '/bench/bare', ROUND_REQUESTS);
    const t = await latencies(totalsPath, ROUND_REQUESTS);
    bare.p50.push(percentile(b, 50));
    bare.p95.push(percentile(b, 95));
    totals.p50.push(percentile(t, 50));
    totals.p95.push(percentile(t, 95));
  }
  console.log(
    `\n(b) GET /totals?dimension=partnership&key=… with ${keys.length} partnerships × ${SHIPMENTS_PER_PARTNERSHIP} shipments, beside a bare handler; medians of ${ROUNDS} rounds`,
  );
  const row = (route: string, s: { p50: number[]; p95: number[] }) => ({
    route,
    'p50 ms': round(median(s.p50), 2),
    'p95 ms': round(median(s.p95), 2),
    'p95 rounds': s.p95.map((v) => round(v, 2)).join(' '),
  });
  printTable([row('GET /bench/bare (no database)', bare), row('GET /totals (partnership)', totals)]);
  agent.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
