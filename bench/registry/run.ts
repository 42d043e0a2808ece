/**
 * npm run bench:registry — the registry on real data (see docs/benchmarks.md, "Registry"):
 *  (a) import rows/s for all EU municipalities of ../shared/data/edjnet-lau-2020 (60,249 rows, 26 files),
 *      then the idempotent re-import of the same files;
 *  (b) GET /municipalities/:id requests/s beside a bare handler on the same HTTP stack (same app,
 *      middleware, JWT guard, pipes; no database), alternated in rounds in the same run, reported as the
 *      median of per-round ratios and their spread;
 *  (c) POST /municipalities latency p50/p99, which includes the transaction with the outbox write.
 * The GET load comes from autocannon in a process of its own (bench/support/load-generator.ts), so the
 * generator does not share the server's event loop.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Topics } from '@bridges/contracts';
import { connectEventConsumer, OutboxMessageEntity } from '@bridges/messaging';
import { createServiceApp, DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { RegistryEnv } from '../../apps/registry/src/config/registry.env';
import { RegistryImportModule } from '../../apps/registry/src/import/registry-import.module';
import {
  RegistryImportRunner,
  type RegistryImportSummary,
} from '../../apps/registry/src/import/registry-import.runner';
import { RegistryModule } from '../../apps/registry/src/registry.module';
import { benchInfra } from '../support/bench-infra';
import { startLoadGenerator } from '../support/load-generator';
import { median, percentile, printTable, round } from '../support/stats';

const LAU_DIR =
  process.env.BENCH_LAU_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'edjnet-lau-2020');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CREATES = Number(process.env.BENCH_CREATES ?? 200);

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Same stack as the registry's routes, without the database: the ceiling GET is compared with. */
@Controller('bench')
class BareController {
  @Get('bare')
  bare() {
    return {
      municipalityId: '00000000-0000-4000-8000-000000000000',
      version: 1,
      nameLatin: 'bare handler',
      active: true,
    };
  }
}

@Module({ imports: [RegistryModule], controllers: [BareController] })
class RegistryBenchModule {}

async function main(): Promise<void> {
  if (!existsSync(LAU_DIR))
    throw new Error(`${LAU_DIR} not found: set BENCH_LAU_DIR to the edjnet-lau-2020 folder`);
  const infra = await benchInfra('registry', [
    { name: Topics.registry.municipality, partitions: 6 },
    { name: Topics.associations.inbound, partitions: 3 },
  ]);
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
  try {
    const imports = await benchImport();
    const app = await createServiceApp(RegistryBenchModule, RegistryEnv, { title: 'registry bench' });
    connectEventConsumer(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    try {
      const drained = await waitForOutboxDrain(app);
      log(`relay published the import's events: ${drained.events} in ${round(drained.seconds)} s`);
      await benchHttp(app, imports.first);
    } finally {
      await app.close();
    }
  } finally {
    console.log(
      `load average ${loadavg()
        .map((l) => round(l, 1))
        .join(' ')} at end`,
    );
    await infra.close();
  }
}

async function benchImport(): Promise<{ first: RegistryImportSummary; again: RegistryImportSummary }> {
  const ctx = await NestFactory.createApplicationContext(RegistryImportModule, { logger: ['error'] });
  try {
    const runner = ctx.get(RegistryImportRunner);
    log(`(a) importing every LAU file of ${LAU_DIR} ...`);
    const first = await runner.run({ lau: LAU_DIR });
    log(`    re-importing the same files ...`);
    const again = await runner.run({ lau: LAU_DIR });
    const rows = (s: RegistryImportSummary) => s.created + s.updated + s.unchanged + s.rejected;
    console.log(
      '\n(a) Import of all EU municipalities (EDJNet LAU 2020, 26 files, one transaction per file)',
    );
    printTable([
      {
        run: 'first import',
        rows: rows(first),
        created: first.created,
        unchanged: first.unchanged,
        rejected: first.rejected,
        seconds: round(first.seconds),
        'rows/s': Math.round(rows(first) / first.seconds),
      },
      {
        run: 're-import',
        rows: rows(again),
        created: again.created,
        unchanged: again.unchanged,
        rejected: again.rejected,
        seconds: round(again.seconds),
        'rows/s': Math.round(rows(again) / again.seconds),
      },
    ]);
    return { first, again };
  } finally {
    await ctx.close();
  }
}

async function waitForOutboxDrain(app: INestApplication): Promise<{ events: number; seconds: number }> {
  const repo = app.get(DataSource).getRepository(OutboxMessageEntity);
  const events = await repo.count();
  const started = performance.now();
  while ((await repo.count()) > 0) await new Promise((r) => setTimeout(r, 250));
  return { events, seconds: (performance.now() - started) / 1000 };
}

async function benchHttp(app: INestApplication, _imported: RegistryImportSummary): Promise<void> {
  const address = app.getHttpServer().address() as { port: number };
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const token = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.RegistryCoordinator] });
  const headers = { authorization: `Bearer ${token}` };
  const ids = (
    await app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM municipality ORDER BY random() LIMIT 5000')
  ).map((r) => r.id);

  const call = (method: string, path: string, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: address.port,
          method,
          path,
          agent,
          headers: body
            ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : headers,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const generator = await startLoadGenerator();
  const base = `http://127.0.0.1:${address.port}`;
  const getPaths = ids.map((id) => `/municipalities/${id}`);
  /** Requests/s of one autocannon round of `seconds` with CONNECTIONS keep-alive connections. */
  const throughput = async (paths: string[], seconds: number): Promise<number> =>
    (
      await generator.run({
        url: `${base}${paths[0]}`,
        paths,
        seconds,
        connections: CONNECTIONS,
        headers,
      })
    ).requestsPerSecond;

  log(
    `(b) warming up, then ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, ${CONNECTIONS} connections (autocannon, own process) ...`,
  );
  const bare: number[] = [];
  const get: number[] = [];
  try {
    await throughput(['/bench/bare'], 2);
    await throughput(getPaths, 2);
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await throughput(['/bench/bare'], ROUND_SECONDS));
      get.push(await throughput(getPaths, ROUND_SECONDS));
    }
  } finally {
    generator.close();
  }
  console.log(
    `\n(b) GET /municipalities/:id beside a bare handler (same app and stack), ${ROUNDS} alternating rounds, autocannon in its own process`,
  );
  printTable([
    {
      route: 'GET /bench/bare (no database)',
      'median req/s': Math.round(median(bare)),
      rounds: bare.map(Math.round).join(' '),
    },
    {
      route: 'GET /municipalities/:id',
      'median req/s': Math.round(median(get)),
      rounds: get.map(Math.round).join(' '),
    },
  ]);
  // Each ratio compares two rounds run back to back, so the machine's load drifts out of it.
  const ratios = get.map((g, i) => g / bare[i]);
  console.log(
    `ratio GET / bare: median of per-round ratios ${round(median(ratios), 2)}, ` +
      `spread ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)} ` +
      `(rounds ${ratios.map((r) => round(r, 2)).join(' ')}); target >= 0.6`,
  );

  log(`(c) ${ROUNDS} rounds of ${CREATES} sequential creates ...`);
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const samples: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      const body = JSON.stringify({
        country: 'UA',
        officialCode: `UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`,
        nameNative: 'Бенчмаркова сільська громада',
        region: { code: 'UA05000000000010236', name: 'Вінницька область' },
        settlementType: 'rural',
        population: 10_000,
        sectors: ['water-supply'],
        needs: [{ sector: 'water-supply' }],
        contacts: [{ name: 'Bench', email: 'bench@example.org', preferredLanguage: 'uk' }],
      });
      const t0 = performance.now();
      const status = await call('POST', '/municipalities', body);
      samples.push(performance.now() - t0);
      if (status !== 201) throw new Error(`create answered ${status}`);
    }
    p50s.push(percentile(samples, 50));
    p99s.push(percentile(samples, 99));
  }
  console.log(
    `\n(c) POST /municipalities latency (transaction: uniqueness check, insert, outbox append), ${CREATES} sequential creates per round`,
  );
  printTable([
    { metric: 'p50 ms', median: round(median(p50s), 2), rounds: p50s.map((v) => round(v, 2)).join(' ') },
    { metric: 'p99 ms', median: round(median(p99s), 2), rounds: p99s.map((v) => round(v, 2)).join(' ') },
  ]);
  agent.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
