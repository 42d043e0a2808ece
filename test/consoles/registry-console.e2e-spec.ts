/**
 * The registry console in a real browser (Debian's chromium driven by playwright-core) against the
 * registry service as its own process on real Kafka and PostgreSQL: a registry coordinator filters
 * municipalities by population range and sorts them by population from the keyboard, then imports a
 * shipped country as an import run and watches it finish with its counts, and reads the association
 * events the registry applied. axe-core checks every page.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { uniqueTopicPrefix, waitUntil } from '@bridges/testing';
import { signIngestBody } from '../../apps/registry/src/associations/api-key.crypto';
import { euMunicipalityBody } from '../../apps/registry/test/support/municipality.factory';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';
import { launchChromium, openConsolePage } from './support/chromium';
import { ensureConsolesBuilt } from './support/built-consoles';
import { screenshotsDir, signIn, tabTo, Walkthrough } from './support/walkthrough';

const ROOT = join(__dirname, '..', '..');
const LOGS = join(ROOT, '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });
/** Luxembourg's communes shipped in data/edjnet-lau-2020/LU.csv. */
const LU_COMMUNES = 102;

describe('registry console in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'registry-console-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'registry'));
  // A word only this test's municipalities carry, so the search shows exactly them.
  const word = `Rangova${randomUUID().slice(0, 6)}`;
  const towns = [
    { nameNative: `${word} Alfa`, population: 4_000 },
    { nameNative: `${word} Bravo`, population: 12_000 },
    { nameNative: `${word} Charlie`, population: 30_000 },
    { nameNative: `${word} Delta`, population: 250_000 },
  ];
  let system: SystemUnderTest<'registry'>;
  let browser: Browser;
  let page: Page;
  let coordinator: string;
  const created: { officialCode: string }[] = [];

  const consoleUrl = (path = '/') => `${system.url.registry}/console${path}`;
  const rowNames = async () =>
    (await page.locator('table').first().locator('tbody tr td:first-child').allTextContents()).map((n) =>
      n.trim(),
    );

  beforeAll(async () => {
    process.stdout.write(`registry console screenshots: ${walk.dir}\n`);
    await ensureConsolesBuilt(['registry']);
    system = await startSystem({
      services: ['registry'] as const,
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix: 'registry_console',
      workDir,
    });
    coordinator = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.RegistryCoordinator],
      sub: 'console-setup',
    });
    for (const town of towns) {
      const response = await fetch(`${system.url.registry}/municipalities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
        body: JSON.stringify(euMunicipalityBody(town)),
      });
      expect(response.status).toBe(201);
      created.push((await response.json()) as { officialCode: string });
    }
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should filter municipalities by a population range and sort them by population with the keyboard', async () => {
    await signIn(page, consoleUrl(), Role.RegistryCoordinator);
    await page.getByRole('heading', { name: 'Municipalities' }).waitFor();
    await page.getByLabel('Name (either script) or code').fill(word);
    await page.getByLabel('From').fill('10000');
    await page.getByLabel('To').fill('100000');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Rows 1–2 of 2').waitFor();
    expect(await rowNames()).toEqual([`${word} Bravo`, `${word} Charlie`]);
    expect(await page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );

    // Population, descending: Tab to the header's button, Enter twice (ascending, then descending).
    await tabTo(page, 'Population');
    await page.keyboard.press('Enter');
    const population = page.getByRole('columnheader', { name: 'Population' });
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Population' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('th[aria-sort="descending"]', { hasText: 'Population' }).waitFor();
    await page.getByRole('cell', { name: `${word} Charlie` }).waitFor();
    await page.locator('table[aria-busy="false"]').waitFor();
    expect(await rowNames()).toEqual([`${word} Charlie`, `${word} Bravo`]);
    expect(await population.getAttribute('aria-sort')).toBe('descending');
    await walk.step(page, 'registry-population-range-sorted');

    // An upside-down range is the API's 400, shown at the field it names.
    await page.getByLabel('From').fill('50000');
    await page.getByLabel('To').fill('1000');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .locator('[data-field-error="populationMax"]')
      .getByText('must not be less than populationMin')
      .waitFor();
    expect(await page.getByLabel('To').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Please correct the highlighted fields.').waitFor();
    await walk.step(page, 'registry-population-range-invalid');

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 120_000);

  it('should start an import run of a shipped country and show its progress until it finishes with counts', async () => {
    await page.getByRole('link', { name: 'Import runs' }).click();
    await page.getByRole('heading', { name: 'Import runs' }).waitFor();
    await page.getByText('No import has been run from the console yet.').waitFor();
    await walk.step(page, 'registry-import-runs-empty');

    // Nothing chosen: the API's 400 at the countries.
    await page.getByRole('button', { name: 'Start an import' }).click();
    await page.locator('[data-field-error="countries"]').waitFor();

    // Only the countries this installation ships are offered (data/ has no French file).
    expect(await page.getByRole('checkbox', { name: 'FR', exact: true }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'LU', exact: true }).check();
    await page.getByRole('button', { name: 'Start an import' }).click();
    await page.getByText('Import run started.').waitFor();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await page.locator('[data-import-status="succeeded"]').waitFor({ timeout: 90_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect((await page.locator('[data-import-counts]').textContent())?.trim()).toBe(
      `${LU_COMMUNES} / 0 / 0 / 0`,
    );
    await page.getByText(`${LU_COMMUNES} of ${LU_COMMUNES} rows`).waitFor();
    await walk.step(page, 'registry-import-run-finished');

    // The imported communes are in the list.
    await page.getByRole('link', { name: 'Municipalities' }).click();
    await page.getByLabel('Country').selectOption('LU');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText(`Rows 1–20 of ${LU_COMMUNES}`).waitFor();

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 150_000);
  it('should list an association event the registry applied from a signed ingest, and a badly signed one as rejected with its reason', async () => {
    const post = async <T>(path: string, body: object): Promise<T> => {
      const response = await fetch(`${system.url.registry}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as T;
    };
    const association = await post<{ id: string; name: string }>('/associations', {
      name: `Związek ${word}`,
      country: 'PL',
    });
    const key = await post<{ keyId: string; secret: string }>(`/associations/${association.id}/keys`, {
      label: 'console test',
    });
    const sourceEventId = `volunteer-${word}`;
    const raw = JSON.stringify({
      specversion: '1.0',
      id: sourceEventId,
      type: 'associations.member-municipality.volunteered.v1',
      source: '/associations/console-test',
      data: {
        associationId: association.id,
        country: 'PL',
        officialCode: created[0].officialCode,
        offers: [{ sector: 'water-supply' }],
        partnershipCapacity: 1,
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const ingest = await fetch(`${system.url.registry}/ingest`, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json',
        'bridges-key-id': key.keyId,
        'bridges-timestamp': timestamp,
        'bridges-signature': signIngestBody(key.secret, timestamp, raw),
      },
      body: raw,
    });
    expect(ingest.status).toBe(202);
    // And one signed with a wrong secret: refused, and listed under Rejected with the reason.
    const refusedId = `refused-${Date.now()}`;
    const refusedRaw = JSON.stringify({ ...JSON.parse(raw), id: refusedId });
    const refused = await fetch(`${system.url.registry}/ingest`, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json',
        'bridges-key-id': key.keyId,
        'bridges-timestamp': timestamp,
        'bridges-signature': signIngestBody('not-the-secret', timestamp, refusedRaw),
      },
      body: refusedRaw,
    });
    expect(refused.status).toBe(401);

    await page.getByRole('link', { name: 'Ingested events' }).click();
    await page.getByRole('heading', { name: 'Ingested association events' }).waitFor();
    // Applied asynchronously by the consumer: reload until it is listed.
    await waitUntil(
      async () => {
        await page.reload();
        await page.locator('table[aria-busy="false"]').first().waitFor();
        return (await page.getByRole('cell', { name: sourceEventId }).count()) === 1;
      },
      60_000,
      'the ingested event listed',
      500,
    );
    await page.getByRole('cell', { name: association.name }).waitFor();
    await page.getByText('Nothing is failing.').waitFor();
    await page.getByRole('heading', { name: 'Rejected' }).waitFor();
    await page.getByRole('cell', { name: refusedId }).waitFor();
    await page
      .getByRole('cell', { name: 'not authenticated (key, time or signature) (refused at POST /ingest)' })
      .waitFor();
    await walk.step(page, 'registry-ingested-events');

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 120_000);
});
