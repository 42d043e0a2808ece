/**
 * The matching console's campaigns, global rounds and partnership history in a real browser (Debian's
 * chromium via playwright-core) against the matching service as its own process on the shared Kafka and
 * PostgreSQL, its pool projected from registrations on Kafka as the registry publishes them: a coordinator
 * writes a campaign and watches the eligibility preview follow each filter, meets the service's 400 at the
 * field, creates it, starts a global round and sees it finish with its result; then walks a partnership
 * of that round through the lifecycle, offered only the allowed steps, with its history. Every page
 * visited is checked with axe-core; every step is a screenshot in the folder printed at the start.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Topics } from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { testKafkaBrokers, uniqueTopicPrefix, waitForValue } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { euProfile, hromadaProfile, registered } from '../../apps/matching/test/support/registry-events';
import { startSystem } from '../support/system-under-test';
import { launchChromium, openConsolePage } from './support/chromium';
import { screenshotsDir, signIn, Walkthrough } from './support/walkthrough';
import { ensureConsolesBuilt } from './support/built-consoles';

const ROOT = join(__dirname, '..', '..');
const LOGS = join(ROOT, '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('matching console: campaigns, global rounds and partnership history in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'consoles-matching-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'matching'));
  const topicPrefix = uniqueTopicPrefix();
  let system: Awaited<ReturnType<typeof startSystem<'matching'>>>;
  let browser: Browser;
  let page: Page;
  const slug = `baltic-${randomUUID().slice(0, 8)}`;
  // Five EU municipalities (two Lithuanian, two slots each) and four hromadas seeking a partner.
  const pool = [
    euProfile({ country: 'PL', population: 3_000 }),
    euProfile({ country: 'PL', population: 30_000 }),
    euProfile({ country: 'PL', population: 9_000 }),
    euProfile({ country: 'LT', population: 6_000 }),
    euProfile({ country: 'LT', population: 12_000 }),
  ];
  const hromadas = Array.from({ length: 4 }, () => hromadaProfile());
  let roundId = '';

  const consoleUrl = (path = '/') => `${system.url.matching}/console${path}`;
  const api = async (path: string, body?: unknown) => {
    const token = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.MatchingCoordinator],
      sub: 'console-test-coordinator',
    });
    const response = await fetch(`${system.url.matching}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const preview = (side: 'eu' | 'hromadas') => page.locator(`[data-preview="${side}"]`);

  beforeAll(async () => {
    process.stdout.write(`matching console screenshots: ${walk.dir}\n`);
    await ensureConsolesBuilt(['matching']);
    system = await startSystem({
      services: ['matching'],
      topicPrefix,
      databasePrefix: 'consoles_matching',
      workDir,
      // No backfill sweep: the round, not the sweep, makes this campaign's proposals, so its count is exact.
      env: { MATCHING_BACKFILL_INTERVAL_MS: '0', MATCHING_ROUND_POLL_INTERVAL_MS: '300' },
    });
    const producer = await rawProducer(testKafkaBrokers());
    try {
      await producer.send({
        topic: `${topicPrefix}${Topics.registry.municipality}`,
        messages: [...pool, ...hromadas].map(registered),
      });
    } finally {
      await producer.close();
    }
    // Projected: the preview with no filter counts the whole pool and every seeker.
    await waitForValue(
      async () => {
        const { body } = await api('/campaigns/preview-eligibility', {});
        const counts = body as { euMunicipalities?: { total: number }; hromadas?: { total: number } };
        return counts.euMunicipalities?.total === 5 && counts.hromadas?.total === 4 ? true : undefined;
      },
      60_000,
      'the registrations projected by matching',
    );
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should preview who a campaign admits as filters change, show the 400 at the field, and create it', async () => {
    await signIn(page, consoleUrl(), 'matching:coordinator');
    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await walk.step(page, 'matching-campaigns');

    await page.getByRole('link', { name: 'New campaign' }).click();
    await preview('eu').filter({ hasText: '5 of 5 EU municipalities eligible' }).waitFor();
    await preview('hromadas').filter({ hasText: '4 of 4 hromadas seeking a partner eligible' }).waitFor();

    await page.getByLabel('Countries').fill('LT');
    await preview('eu').filter({ hasText: '2 of 5 EU municipalities eligible' }).waitFor();
    await page.getByLabel('At least this many inhabitants').fill('10000');
    await preview('eu').filter({ hasText: '1 of 5 EU municipalities eligible' }).waitFor();
    // A maximum below the minimum: the preview's 400 appears at that field while typing.
    await page.getByLabel('At most this many inhabitants').fill('500');
    const rangeError = page.locator('[data-field-error="euEligibility.populationMax"]');
    await rangeError.waitFor();
    expect(await rangeError.textContent()).toBe('must not be less than populationMin');
    await walk.step(page, 'matching-campaign-preview-field-error');
    await page.getByLabel('At least this many inhabitants').fill('');
    await page.getByLabel('At most this many inhabitants').fill('');
    await preview('eu').filter({ hasText: '2 of 5 EU municipalities eligible' }).waitFor();
    expect(await rangeError.count()).toBe(0);

    await page.getByLabel('Name', { exact: true }).fill('Baltic call');
    await page.getByLabel('Short name (slug)').fill('Baltic Call!');
    await page.getByLabel('Similar or larger size (population, area)').fill('4');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    // The creation's 400 at the slug field, linked for screen readers.
    const slugError = page.locator('[data-field-error="slug"]');
    await slugError.waitFor();
    expect(await slugError.textContent()).toMatch(/lowercase letters, digits or dashes/);
    expect(await page.getByLabel('Short name (slug)').getAttribute('aria-invalid')).toBe('true');
    await walk.step(page, 'matching-campaign-slug-error');

    await page.getByLabel('Short name (slug)').fill(slug);
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Baltic call', level: 1 }).waitFor();
    const stored = (await api('/campaigns')).body as unknown as {
      slug: string;
      euEligibility: object;
      weights: Record<string, number>;
    }[];
    const created = stored.find((c) => c.slug === slug)!;
    expect(created.euEligibility).toEqual({ countries: ['LT'], requireFreeCapacity: true });
    expect(created.weights.sizeSimilarity).toBe(4);
    await walk.step(page, 'matching-campaign');
  }, 90_000);

  it('should start a global round and show its progress until the result', async () => {
    await page.getByRole('button', { name: 'Start a global round' }).click();
    await page.getByRole('heading', { name: /^Global round of / }).waitFor();
    roundId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('[data-round-status="completed"]').waitFor({ timeout: 60_000 });
    await walk.step(page, 'matching-round-result');

    const round = (await api(`/rounds/${roundId}`)).body as {
      proposalCount: number;
      totalScore: number;
      upperBound: number;
    };
    // Two Lithuanian municipalities with two slots each, four hromadas with one new partner each: four pairs.
    expect(round.proposalCount).toBe(4);
    const shown = (name: string) => page.locator(`[data-result="${name}"]`).textContent();
    expect(await shown('matched')).toBe('4');
    expect(await shown('total-score')).toBe(
      new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(round.totalScore),
    );
    expect(round.upperBound).toBeGreaterThanOrEqual(round.totalScore - 1e-9);
    expect(await shown('optimality')).toMatch(/^(Proven optimal|At most [\d.,]+ % below the best possible)/);

    // The campaign lists the round with its result.
    await page.getByRole('link', { name: 'Its campaign' }).click();
    await page.getByRole('table', { name: 'Global rounds, newest first' }).getByText('completed').waitFor();
  }, 90_000);

  it('should show a partnership with its history and offer only the allowed steps', async () => {
    const proposals = (await api(`/proposals?roundId=${roundId}`)).body as { items: { id: string }[] };
    const proposalId = proposals.items[0].id;
    await api(`/proposals/${proposalId}/accept`, { side: 'hromada' });
    const both = (await api(`/proposals/${proposalId}/accept`, { side: 'eu-municipality' })).body as {
      partnership: { id: string };
    };

    await page.goto(consoleUrl(`/partnerships/${both.partnership.id}`));
    await page.getByRole('heading', { name: 'Partnership', level: 1 }).waitFor();
    const steps = page.getByRole('region', { name: 'Allowed changes' }).getByRole('button');
    expect(await steps.allTextContents()).toEqual(['Mark active', 'Mark ended']);
    await page.getByLabel('Reason').fill('Cooperation agreement signed');
    await page.getByRole('button', { name: 'Mark active' }).click();
    await page.locator('[data-partnership-status="active"]').waitFor();
    expect(await steps.allTextContents()).toEqual(['Mark dormant', 'Mark ended']);
    const history = page.getByRole('table', { name: 'History' }).locator('tbody tr');
    expect(await history.count()).toBe(2);
    expect(await history.nth(1).textContent()).toContain('established → active');
    expect(await history.nth(1).textContent()).toContain('Cooperation agreement signed');
    await walk.step(page, 'matching-partnership-history');
  }, 90_000);

  it('should have no serious or critical accessibility violations and no uncaught page errors', () => {
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });
});
