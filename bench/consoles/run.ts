/**
 * npm run bench:consoles — the registry console on all 60,249 EU municipalities (EDJNet LAU 2020):
 * the registry imports them, serves its console, and Debian's chromium (playwright-core) loads the
 * municipality list again and again, measuring the time from navigation to the first rows on screen
 * (server-side paging: one page of rows ever reaches the browser), a search in the same list, and the
 * next page. Prints medians and p95 (docs/benchmarks.md). The console's initial JavaScript budget is
 * enforced by npm run consoles:build, which this runs first.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { Page } from 'playwright-core';
import { Topics } from '@bridges/contracts';
import { builtConsoleDirectory, createServiceApp } from '@bridges/platform';
import { RegistryEnv } from '../../apps/registry/src/config/registry.env';
import { RegistryImportModule } from '../../apps/registry/src/import/registry-import.module';
import { RegistryImportRunner } from '../../apps/registry/src/import/registry-import.runner';
import { RegistryModule } from '../../apps/registry/src/registry.module';
import { launchChromium } from '../../test/consoles/support/chromium';
import { benchInfra } from '../support/bench-infra';
import { percentile, printTable, round } from '../support/stats';

const ROOT = join(__dirname, '..', '..');
const LAU_DIR = process.env.BENCH_LAU_DIR ?? join(ROOT, '..', 'shared', 'data', 'edjnet-lau-2020');
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Milliseconds from `action` until the table shows the rows asked for: the pager reads `pager`
 * ("Rows 1–20 …") and, for a search, the first row contains `term`.
 */
async function timeToRows(
  page: Page,
  action: () => Promise<unknown>,
  pager: RegExp,
  term?: RegExp,
): Promise<number> {
  const started = performance.now();
  await action();
  await page
    .locator('tbody tr', term ? { hasText: term } : {})
    .first()
    .waitFor();
  await page.getByText(pager).waitFor();
  // The previous page stays on screen while the next loads (no flicker): wait until nothing is loading.
  await page.locator('table[aria-busy="false"]').waitFor();
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync(LAU_DIR))
    throw new Error(`${LAU_DIR} not found: set BENCH_LAU_DIR to the edjnet-lau-2020 folder`);
  const build = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/consoles/build.ts', 'registry'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('consoles:build failed');
  const infra = await benchInfra('consoles', [
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
  try {
    const ctx = await NestFactory.createApplicationContext(RegistryImportModule, { logger: ['error'] });
    try {
      log(`importing every LAU file of ${LAU_DIR} ...`);
      const summary = await ctx.get(RegistryImportRunner).run({ lau: LAU_DIR });
      log(`imported ${summary.created + summary.unchanged} municipalities in ${round(summary.seconds)} s`);
    } finally {
      await ctx.close();
    }
    const app = await createServiceApp(RegistryModule, RegistryEnv, {
      console: builtConsoleDirectory('registry'),
    });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      await page.goto(`${base}/console/`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const samples = { firstRows: [] as number[], search: [] as number[], nextPage: [] as number[] };
      for (let i = 0; i < LOADS; i++) {
        samples.firstRows.push(await timeToRows(page, () => page.goto(`${base}/console/`), /^Rows 1–20 of/));
        samples.nextPage.push(
          await timeToRows(
            page,
            () => page.getByRole('button', { name: 'Next page' }).click(),
            /^Rows 21–40/,
          ),
        );
        // Word-prefix search over real LAU names: Austria and Germany have hundreds of each.
        const term = i % 2 === 0 ? 'Sankt' : 'Bad';
        await page.getByRole('searchbox').fill(term);
        samples.search.push(
          await timeToRows(
            page,
            () => page.getByRole('button', { name: 'Apply' }).click(),
            /^Rows 1–/,
            new RegExp(`\\b${term}`, 'i'),
          ),
        );
      }
      await page.goto(`${base}/console/`);
      const pager = await page.getByText(/^Rows 1–/).textContent();
      console.log(`\nRegistry console, municipality list (${pager ?? ''}), ${LOADS} loads each, ms`);
      printTable(
        Object.entries(samples).map(([what, ms]) => ({
          what,
          median: round(percentile(ms, 50)),
          p95: round(percentile(ms, 95)),
        })),
      );
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await infra.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
