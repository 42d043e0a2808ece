/**
 * The aid logistics console in a real browser (Debian's chromium driven by playwright-core) against the
 * logistics service as a real process on real Kafka and PostgreSQL. The registry and matching are stood in
 * for by their events (two registered profiles and a recorded partnership, as apps/logistics tests do), so
 * only the service under test runs. One whole task across the roles: the hromada's officer posts a request
 * (first with a field error) → the partner's EU officer pledges, prepares and dispatches a shipment (only
 * the allowed steps offered; a stale ETag shows the conflict screen) → the hromada's officer records the
 * receipt → the coordinator reads the totals. axe-core runs on every page; each step is a screenshot.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Topics } from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { testKafkaBrokers, uniqueTopicPrefix, waitUntil } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import {
  euProfile,
  hromadaProfile,
  recorded,
  registered,
} from '../../apps/logistics/test/support/upstream-events';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';
import { launchChromium, openConsolePage } from './support/chromium';
import { screenshotsDir, signIn, Walkthrough } from './support/walkthrough';
import { ensureConsolesBuilt } from './support/built-consoles';

const ROOT = join(__dirname, '..', '..');
const LOGS = join(ROOT, '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('logistics console in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'logistics-console-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'logistics'));
  const hromada = hromadaProfile({
    nameNative: 'Долинська міська громада',
    nameLatin: 'Dolynska miska hromada',
  });
  const eu = euProfile({ nameNative: 'Šiaulių rajono savivaldybė', nameLatin: 'Siauliu rajono savivaldybe' });
  const partnershipId = randomUUID();
  let system: SystemUnderTest<'logistics'>;
  let browser: Browser;
  let page: Page;

  const consoleUrl = (path = '/') => `${system.url.logistics}/console${path}`;
  const token = (role: Role, municipalityId?: string) =>
    signDevToken({ secret: DEV_JWT_SECRET, roles: [role], municipalityId, sub: `logistics-console-${role}` });
  const apiGet = async (path: string, bearer: string) =>
    fetch(`${system.url.logistics}${path}`, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    process.stdout.write(`logistics console screenshots: ${walk.dir}\n`);
    await ensureConsolesBuilt(['logistics']);
    const topicPrefix = uniqueTopicPrefix();
    system = await startSystem({
      services: ['logistics'] as const,
      topicPrefix,
      databasePrefix: 'logistics_console',
      workDir,
    });
    // The registry's profiles and matching's recorded partnership, as their outbox relays publish them.
    const producer = await rawProducer(testKafkaBrokers());
    try {
      await producer.send({
        topic: `${topicPrefix}${Topics.registry.municipality}`,
        messages: [registered(hromada), registered(eu)],
      });
      await producer.send({
        topic: `${topicPrefix}${Topics.matching.partnership}`,
        messages: [recorded(hromada.municipalityId, eu.municipalityId, partnershipId)],
      });
    } finally {
      await producer.close();
    }
    // Logistics has the partnership once the EU officer may read its totals (404 before).
    const euToken = await token(Role.MunicipalityOfficer, eu.municipalityId);
    await waitUntil(
      async () =>
        (await apiGet(`/totals?dimension=partnership&key=${partnershipId}`, euToken)).status === 200,
      60_000,
      'logistics to know the partnership',
      300,
    );
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
    // Building the console and starting the service on a loaded 2-core machine: minutes, bounded.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should take aid from a posted request through pledge, shipment and receipt to the totals', async () => {
    const stepButtons = () => page.getByRole('group', { name: 'Next steps' }).getByRole('button');

    // The hromada's officer posts a request; the API's 400 appears at the line's quantity.
    await page.goto(consoleUrl());
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await walk.step(page, 'logistics-sign-in');
    await signIn(page, consoleUrl(), Role.MunicipalityOfficer, hromada.municipalityId);
    await page.getByRole('heading', { name: 'Aid requests' }).waitFor();
    // An officer sees no coordinator's page.
    expect(await page.getByRole('link', { name: 'Totals' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Post a request' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Generators for the boiler houses');
    await page.getByLabel('Urgency').selectOption('high');
    await page.getByLabel('Delivery address').fill('вул. Грушевського 1, Долина, 77500');
    await page.getByLabel('Item').fill('Diesel generator 30 kVA');
    await page.getByLabel('Category').selectOption('energy');
    await page.getByLabel('Unit').selectOption('H87');
    await page.getByLabel('Quantity').fill('0');
    await page.getByRole('button', { name: 'Post request' }).click();
    const quantityError = page.locator('[data-field-error="lines[0].quantity"]');
    await quantityError.waitFor();
    expect(await quantityError.textContent()).toMatch(/less than 1/);
    expect(await page.getByLabel('Quantity').getAttribute('aria-invalid')).toBe('true');
    await walk.step(page, 'logistics-field-error');
    await page.getByLabel('Quantity').fill('4');
    await page.getByRole('button', { name: 'Post request' }).click();
    await page.getByRole('heading', { name: 'Generators for the boiler houses' }).waitFor();
    const requestPath = new URL(page.url()).pathname.replace('/console', '');
    const line = page.locator('tr[data-line="1"]');
    expect(await line.locator('td').allTextContents()).toEqual([
      'Diesel generator 30 kVA',
      'Energy and generators',
      'piece (H87)',
      '4',
      '0',
      '4',
      '0',
    ]);
    await walk.step(page, 'logistics-request-posted');
    // Ukrainian readers get the vocabulary in Ukrainian.
    await page.getByLabel('Language').selectOption('uk');
    await line.getByText('Енергетика та генератори').waitFor();
    await walk.step(page, 'logistics-request-uk');
    await page.getByLabel('Мова').selectOption('en');

    // The partner's EU officer pledges all of it, prepares and dispatches a shipment.
    await signIn(page, consoleUrl(requestPath), Role.MunicipalityOfficer, eu.municipalityId);
    await page.goto(consoleUrl(requestPath));
    await page.getByRole('heading', { name: 'Pledge aid' }).waitFor();
    await page.getByLabel('Declared value, EUR').fill('12000');
    await page.getByRole('button', { name: 'Pledge', exact: true }).click();
    await line.locator('td').nth(4).getByText('4', { exact: true }).waitFor();
    expect(await line.locator('td').nth(5).textContent()).toBe('0');
    await walk.step(page, 'logistics-pledged');
    await page.getByLabel('Packages').fill('2');
    await page.getByLabel('Gross weight, kg').fill('1350.5');
    await page.getByLabel('Carrier').fill('UAB Vežėjas');
    await page.getByRole('button', { name: 'Prepare shipment' }).click();
    await page.getByRole('heading', { name: /^Shipment BR-\d{4}-\d{6}-\d$/ }).waitFor();
    const shipmentPath = new URL(page.url()).pathname.replace('/console', '');
    // Only the steps the lifecycle allows from prepared.
    expect(await stepButtons().allTextContents()).toEqual([
      'Mark dispatched',
      'Mark at the border',
      'Mark cleared customs',
      'Mark delivered',
      'Mark cancelled',
    ]);
    await walk.step(page, 'logistics-shipment-prepared');
    await page.getByLabel('Place (optional)').fill('Šiauliai');
    await page.getByRole('button', { name: 'Mark dispatched' }).click();
    await page.getByTestId('shipment-status').getByText('dispatched', { exact: true }).waitFor();
    expect(await stepButtons().allTextContents()).toEqual([
      'Mark at the border',
      'Mark cleared customs',
      'Mark delivered',
      'Mark returned',
    ]);
    await walk.step(page, 'logistics-shipment-dispatched');

    // Someone else records the border first (If-Match with the current ETag): this page's ETag is stale.
    const shipmentId = shipmentPath.split('/').pop()!;
    const current = await apiGet(`/shipments/${shipmentId}`, await token(Role.LogisticsCoordinator));
    const atBorder = await fetch(`${system.url.logistics}/shipments/${shipmentId}/status`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token(Role.LogisticsCoordinator)}`,
        'content-type': 'application/json',
        'if-match': current.headers.get('etag')!,
      },
      body: JSON.stringify({ status: 'at-border', place: 'Medyka' }),
    });
    expect(atBorder.status).toBe(200);
    await page.getByRole('button', { name: 'Mark cleared customs' }).click();
    await page.getByRole('heading', { name: 'Someone changed this shipment first' }).waitFor();
    await walk.step(page, 'logistics-shipment-conflict');
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await page.getByTestId('shipment-status').getByText('at the border', { exact: true }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Medyka' }).count()).toBe(1);

    // The hromada's officer records the goods received note.
    await signIn(page, consoleUrl(shipmentPath), Role.MunicipalityOfficer, hromada.municipalityId);
    await page.goto(consoleUrl(shipmentPath));
    await page.getByRole('heading', { name: 'Goods received note' }).waitFor();
    expect(await page.getByLabel('Diesel generator 30 kVA: received').inputValue()).toBe('4');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await page.getByTestId('shipment-status').getByText('received', { exact: true }).waitFor();
    await page
      .getByTestId('receipt-summary')
      .getByText(/Received in full/)
      .waitFor();
    expect(await stepButtons().count()).toBe(0);
    await walk.step(page, 'logistics-received');

    // The coordinator reads the totals: one delivery of 1,350.5 kg worth EUR 12,000 in this partnership.
    await signIn(page, consoleUrl(), Role.LogisticsCoordinator);
    await page.getByRole('link', { name: 'Totals' }).click();
    await page.getByLabel('By').selectOption('partnership');
    await page.getByRole('button', { name: 'Apply' }).click();
    const total = page.locator(`tr[data-total-key="${partnershipId}"]`);
    await total.waitFor();
    expect(await total.locator('td').allTextContents()).toEqual([
      '1',
      '1,350.5',
      '€12,000.00',
      expect.any(String),
    ]);
    await walk.step(page, 'logistics-totals');
    // The request closed by itself once everything arrived; the list filters by hromada and status.
    await page.getByRole('link', { name: 'Aid requests' }).click();
    await page.getByLabel('Hromada id').fill(hromada.municipalityId);
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: 'Generators for the boiler houses' }).waitFor();
    await walk.step(page, 'logistics-requests-closed');

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 180_000);
});
