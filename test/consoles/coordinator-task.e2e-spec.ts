/**
 * The consoles in a real browser (Debian's chromium driven by playwright-core) against the real
 * services on real Kafka and PostgreSQL: a coordinator's whole task across the three consoles, then
 * the error paths (field error, conflict screen, 403, service down). Every page visited is checked
 * with axe-core; every step is a screenshot in the folder printed at the start.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@bridges/platform';
import { waitForValue } from '@bridges/testing';
import { launchChromium, openConsolePage } from './support/chromium';
import { startConsoleSystem } from './support/console-system';
import { screenshotsDir, signIn, signOut, tabTo, Walkthrough } from './support/walkthrough';

const LOGS = join(__dirname, '..', '..', '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('coordinator consoles in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'consoles-'));
  const walk = new Walkthrough(screenshotsDir(workDir));
  let system: Awaited<ReturnType<typeof startConsoleSystem>>;
  let browser: Browser;
  let page: Page;
  const suffix = randomUUID().slice(0, 8);
  const hromadaName = `Мостова сільська громада ${suffix}`;
  const hromadaLatin = `Mostova silska hromada ${suffix}`;
  let euId = '';
  let uaId = '';

  const consoleUrl = (service: 'registry' | 'matching' | 'notifications', path = '/') =>
    `${system.url[service]}/console${path}`;

  beforeAll(async () => {
    process.stdout.write(`console screenshots: ${walk.dir}\n`);
    system = await startConsoleSystem(workDir);
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
    // No migration seeds a campaign: the matching coordinator opens one with the defaults.
    const campaign = await system.api('matching', '/campaigns', Role.MatchingCoordinator, {
      body: { slug: `consoles-${suffix}`, name: 'Console test campaign' },
    });
    expect(campaign.status).toBe(201);
    // The EU municipality that volunteers (registered over the API: the console task is the hromada's).
    const eu = await system.api('registry', '/municipalities', Role.RegistryCoordinator, {
      body: {
        country: 'PL',
        officialCode: `PL_${String(randomInt(10 ** 6, 10 ** 7))}`,
        nameNative: `Gmina Mostowa ${suffix}`,
        region: { code: 'PL821', name: 'Krośnieński' },
        settlementType: 'town',
        population: 18500,
        populationYear: 2020,
        areaKm2: 140,
        location: { lat: 49.69, lon: 21.77 },
        sectors: ['water-supply'],
        offers: [{ sector: 'water-supply', description: 'Engineers for water treatment' }],
        workingLanguages: ['pl', 'en'],
        partnershipCapacity: 2,
        seekingPartner: true,
        contacts: [{ name: 'Anna Kowalska', email: `anna.${suffix}@gmina.example`, preferredLanguage: 'pl' }],
      },
    });
    expect(eu.status).toBe(201);
    euId = eu.body.municipalityId as string;
    // Building three consoles and starting three services on a loaded 2-core machine: minutes, bounded.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should take a hromada from registration to an established partnership and its emails across the three consoles', async () => {
    // Registry console: sign in as a registry coordinator and register the hromada.
    await page.goto(consoleUrl('registry'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await walk.step(page, 'registry-sign-in');
    await signIn(page, consoleUrl('registry'), Role.RegistryCoordinator);
    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Country').selectOption('UA');
    await page
      .getByLabel('Official code (KATOTTG / LAU)')
      .fill(`UA${String(randomInt(10 ** 8)).padStart(8, '0')}${String(randomInt(10 ** 9)).padStart(9, '0')}`);
    await page.getByLabel('Name (native script)').fill(hromadaName);
    await page.getByLabel('Name (Latin script)').fill(hromadaLatin);
    await page.getByLabel('Region code').fill('UA05000000000010236');
    await page.getByLabel('Region name').fill('Вінницька область');
    await page.getByLabel('Settlement type').selectOption('rural');
    await page.getByLabel('Population', { exact: true }).fill('-5');
    await page.getByLabel('Area, km²').fill('231.5');
    await page.getByLabel('Latitude').fill('49.23');
    await page.getByLabel('Longitude').fill('28.47');
    await page.getByLabel('Main sector').selectOption('water-supply');
    await page.getByLabel(/^Need/).fill('Two pumping stations');
    await page.getByLabel('Contact name').fill('Олена Петренко');
    await page.getByLabel('Contact email').fill(`olena.${suffix}@hromada.example`);
    await page.getByRole('button', { name: 'Register municipality' }).click();
    // Error path: the registry's 400 is shown at the field, and nothing was registered.
    const populationError = page.locator('[data-field-error="population"]');
    await populationError.waitFor();
    expect(await populationError.textContent()).toMatch(/less than 0/);
    expect(await page.getByLabel('Population', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await walk.step(page, 'registry-field-error');
    await page.getByLabel('Population', { exact: true }).fill('12034');
    await page.getByRole('button', { name: 'Register municipality' }).click();
    await page.getByRole('heading', { name: hromadaLatin }).waitFor();
    uaId = /municipalities\/([0-9a-f-]{36})/.exec(page.url())![1];
    await walk.step(page, 'registry-profile');
    // Ukrainian readers see the name in Cyrillic.
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('heading', { name: hromadaName }).waitFor();
    await page.getByText('Водопостачання та водовідведення', { exact: true }).waitFor();
    await walk.step(page, 'registry-profile-uk');
    await page.getByLabel('Мова').selectOption('en');
    await page.getByRole('link', { name: 'Municipalities' }).click();
    await page.getByRole('searchbox', { name: /Name \(either script\)/ }).fill(suffix);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: hromadaLatin }).waitFor();
    await walk.step(page, 'registry-search');

    // Matching console: the hromada's explained proposal appears, both sides accept.
    await signIn(page, consoleUrl('matching', `/?municipalityId=${uaId}`), Role.MatchingCoordinator);
    // Both sides are named (matching's projection), the hromada in the reader's script.
    const scoreLink = page
      .getByRole('row')
      .filter({ hasText: `Gmina Mostowa ${suffix}` })
      .filter({ hasText: hromadaLatin })
      .getByRole('link');
    await waitForValue(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.getByRole('table').waitFor();
        return (await scoreLink.count()) > 0 ? true : undefined;
      },
      120_000,
      'the proposal for the new hromada in the matching console',
    );
    await walk.step(page, 'matching-proposals');
    await scoreLink.click();
    await page.getByRole('heading', { name: 'Why this match' }).waitFor();
    const factors = page.locator('li.factor');
    expect(await factors.count()).toBeGreaterThan(3);
    await factors.filter({ hasText: 'Similar or larger size (population, area)' }).waitFor();
    expect((await factors.first().textContent())?.length).toBeGreaterThan(20);
    await walk.step(page, 'matching-proposal-explained');
    await page.getByRole('button', { name: 'Accept for the hromada' }).click();
    await page.getByRole('status').filter({ hasText: 'Decision recorded.' }).waitFor();
    await page.getByRole('button', { name: 'Accept for the EU municipality' }).click();
    await page.getByRole('status').filter({ hasText: 'partnership established' }).waitFor();
    await walk.step(page, 'matching-accepted');
    await page.getByRole('link', { name: 'Partnerships' }).click();
    const partnershipRow = page.getByRole('row').filter({ hasText: hromadaLatin });
    await partnershipRow.waitFor();
    expect(await partnershipRow.textContent()).toContain('established');
    // Only the lifecycle's next steps are offered: active or ended, never dormant from established.
    const offered = await partnershipRow.getByRole('button').allTextContents();
    expect(offered).toEqual(['Mark active', 'Mark ended']);
    await walk.step(page, 'matching-partnerships');
    // The partnership on the map: a line between the two centres on offline country outlines.
    await page.getByRole('link', { name: 'Map' }).click();
    await page.getByText('1 partnerships shown').waitFor();
    const partnershipLine = page.locator('.leaflet-overlay-pane path.leaflet-interactive[stroke="#0b4f8a"]');
    await partnershipLine.first().waitFor();
    await waitForValue(
      async () =>
        (await page.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)').count()) > 100
          ? true
          : undefined,
      30_000,
      'the Natural Earth country outlines on the map',
    );
    expect(await partnershipLine.count()).toBe(1);
    await page.getByLabel('Status', { exact: true }).selectOption('ended');
    await page.getByText('0 partnerships shown').waitFor();
    expect(await partnershipLine.count()).toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await partnershipLine.first().waitFor();
    await walk.step(page, 'matching-map');

    // Notifications console: the partnership's emails are listed as sent.
    await signIn(page, consoleUrl('notifications'), Role.NotificationsAdmin);
    await page.getByLabel('Channel').selectOption('email');
    await page.getByRole('button', { name: 'Apply' }).click();
    const sentEmail = page
      .getByRole('row')
      .filter({ hasText: /partnership/i })
      .filter({ hasText: 'sent' });
    await waitForValue(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.getByRole('table').waitFor();
        return (await sentEmail.count()) >= 2 ? true : undefined;
      },
      120_000,
      'the partnership emails to both sides in the notifications console',
    );
    await walk.step(page, 'notifications-deliveries');
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await walk.step(page, 'notifications-inbox');

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it("should give matching coordinators both sides' names and centres, and refuse officers and malformed ids", async () => {
    const found = await system.api(
      'matching',
      `/municipalities?ids=${uaId},${euId}`,
      Role.MatchingCoordinator,
    );
    expect(found.status).toBe(200);
    const byId = new Map(
      (found.body as unknown as { municipalityId: string }[]).map((m) => [m.municipalityId, m]),
    );
    expect(byId.get(uaId)).toMatchObject({
      nameNative: hromadaName,
      nameLatin: hromadaLatin,
      lat: 49.23,
      lon: 28.47,
    });
    expect(byId.get(euId)).toMatchObject({ country: 'PL', lat: 49.69, lon: 21.77 });
    expect(
      (await system.api('matching', `/municipalities?ids=${uaId}`, Role.MunicipalityOfficer)).status,
    ).toBe(403);
    const malformed = await system.api(
      'matching',
      '/municipalities?ids=not-a-uuid',
      Role.MatchingCoordinator,
    );
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('ids');
  });

  it('should show the conflict screen when someone else saved the profile first', async () => {
    await signIn(page, consoleUrl('registry', `/municipalities/${uaId}`), Role.RegistryCoordinator);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Population', { exact: true }).fill('13000');
    // A colleague saves first, over the API, from the version the console is editing.
    const current = await system.api('registry', `/municipalities/${uaId}`, Role.RegistryCoordinator);
    const colleague = await system.api('registry', `/municipalities/${uaId}`, Role.RegistryCoordinator, {
      method: 'PATCH',
      body: { population: 12500 },
      headers: { 'if-match': `"${String(current.body.version)}"` },
    });
    expect(colleague.status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Someone else saved this profile first' }).waitFor();
    const populationRow = page.getByRole('row', { name: /^Population/ });
    expect(await populationRow.textContent()).toContain('13000');
    expect(await populationRow.textContent()).toContain('12500');
    await walk.step(page, 'registry-conflict');
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await expect(page.getByLabel('Population', { exact: true }).inputValue()).resolves.toBe('12500');
    // Nothing of the stale edit was written.
    const after = await system.api('registry', `/municipalities/${uaId}`, Role.RegistryCoordinator);
    expect(after.body.population).toBe(12500);
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it("should show an association's new API key once, then only its id, and revoke it", async () => {
    await signIn(page, consoleUrl('registry', '/associations'), Role.RegistryCoordinator);
    await page.getByRole('button', { name: 'Add association' }).click();
    await page.locator('[data-field-error="name"]').waitFor();
    const association = `Związek Gmin ${suffix}`;
    await page.getByLabel('Association name').fill(association);
    await page.getByRole('button', { name: 'Add association' }).click();
    await page.getByRole('button', { name: `Keys of ${association}` }).click();
    await page.getByLabel('Label').fill('publisher');
    await page.getByRole('button', { name: 'Issue a key' }).click();
    const secret = page.getByTestId('issued-secret');
    await secret.waitFor();
    expect((await secret.textContent())?.length).toBeGreaterThan(20);
    await walk.step(page, 'registry-api-key-once');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await secret.count()).toBe(0);
    const keyRow = page.getByRole('row').filter({ hasText: 'publisher' });
    await keyRow.getByRole('button', { name: 'Revoke' }).click();
    await keyRow.filter({ hasText: 'revoked' }).waitFor();
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it("should refuse a municipality officer the registry's list (403) but show them their own profile", async () => {
    await signOut(page);
    await signIn(page, consoleUrl('registry'), Role.MunicipalityOfficer, uaId);
    await page.getByRole('alert').filter({ hasText: 'Your role may not do this here.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Municipalities' }).count()).toBe(0);
    await walk.step(page, 'registry-officer-403');
    await page.goto(consoleUrl('registry', `/municipalities/${uaId}`));
    await page.getByRole('heading', { name: hromadaLatin }).waitFor();
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it("should let a user sign in, navigate and act with the keyboard alone, under the console's own CSP", async () => {
    // A context that enforces the Content-Security-Policy the service sends (the others bypass it for axe).
    const strict = await browser.newContext({ locale: 'en-GB' });
    const page = walk.watch(await strict.newPage());
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(consoleUrl('notifications'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Sign in: the role list, then the button, reached with Tab and used with the keyboard.
    await tabTo(page, 'Role');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // Navigate to the inbox and back to deliveries, then filter them, all by keyboard.
    await tabTo(page, 'Inbox');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await tabTo(page, 'Deliveries');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await tabTo(page, 'Apply');
    await page.keyboard.press('Enter');
    await page.getByRole('table').waitFor();
    // The map too: Leaflet's inline styles and the outlines fetched from the console's own assets.
    await signIn(page, consoleUrl('matching', '/map'), Role.MatchingCoordinator);
    await page.getByText('1 partnerships shown').waitFor();
    await waitForValue(
      async () =>
        (await page.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)').count()) > 100
          ? true
          : undefined,
      30_000,
      'the country outlines under the strict CSP',
    );
    expect(refused).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
    await strict.close();
  });

  it('should say the service cannot be reached, not show a blank page, when the service goes down', async () => {
    await signIn(page, consoleUrl('notifications'), Role.NotificationsAdmin);
    await page.getByRole('table').waitFor();
    await system.stopService('notifications');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The notifications service cannot be reached' })
      .waitFor();
    await walk.step(page, 'notifications-service-down');
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });
});
