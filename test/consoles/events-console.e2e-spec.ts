/**
 * The events console in a real browser (Debian's chromium via playwright-core) against the events
 * service as its own process on the shared Kafka and PostgreSQL: a coordinator drafts a forum with two
 * seats (first with a field error at the capacity) and publishes it → an officer registers three people,
 * the third goes to the waiting list → a cancellation offers the freed seat and the officer takes it →
 * the coordinator checks a confirmed participant in by the code on their ticket. Every page visited is
 * checked with axe-core; every step is a screenshot in the folder printed at the start.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uniqueTopicPrefix } from '@bridges/testing';
import { startSystem } from '../support/system-under-test';
import { launchChromium, openConsolePage } from './support/chromium';
import { screenshotsDir, signIn, Walkthrough } from './support/walkthrough';
import { ensureConsolesBuilt } from './support/built-consoles';

const ROOT = join(__dirname, '..', '..');
const LOGS = join(ROOT, '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('events console in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'consoles-events-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'events'));
  let system: Awaited<ReturnType<typeof startSystem<'events'>>>;
  let browser: Browser;
  let page: Page;
  const suffix = randomUUID().slice(0, 8);
  const officerMunicipality = randomUUID();
  const people = [`Olena Kovalenko ${suffix}`, `Petro Bondar ${suffix}`, `Ivan Shevchuk ${suffix}`];
  const [olena, petro, ivan] = people;
  let eventUrl = '';

  const consoleUrl = (path = '/') => `${system.url.events}/console${path}`;
  const seatOf = (name: string, status: string) =>
    page.locator(`[data-participant="${name}"] [data-participant-status="${status}"]`);

  beforeAll(async () => {
    process.stdout.write(`events console screenshots: ${walk.dir}\n`);
    await ensureConsolesBuilt(['events']);
    system = await startSystem({
      services: ['events'],
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix: 'consoles_events',
      workDir,
    });
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should let a coordinator draft and publish a forum, with the 400 shown at the field', async () => {
    await signIn(page, consoleUrl(), 'events:coordinator');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await walk.step(page, 'events-list');

    await page.getByRole('navigation').getByRole('link', { name: 'New event' }).click();
    await page.getByLabel('Title (Ukrainian)').fill(`Форум солідарності ${suffix}`);
    await page.getByLabel('Title (English)').fill(`Solidarity forum ${suffix}`);
    await page.getByLabel('Venue').fill('Rzeszów, Podkarpackie Science Centre');
    await page.getByRole('button', { name: 'Add a country quota' }).click();
    await page.getByLabel('Country of quota 1').fill('UA');
    await page.getByLabel('Seats of quota 1').fill('2');
    await page.getByLabel('Capacity (seats)').fill('0');
    await page.getByRole('button', { name: 'Create draft' }).click();
    // The service's 400 appears at the capacity field, linked for screen readers.
    const capacityError = page.locator('[data-field-error="capacity"]');
    await capacityError.waitFor();
    expect(await capacityError.textContent()).toMatch(/must not be less than 1/);
    expect(await page.getByLabel('Capacity (seats)').getAttribute('aria-invalid')).toBe('true');
    await walk.step(page, 'event-form-field-error');

    await page.getByLabel('Capacity (seats)').fill('2');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: `Solidarity forum ${suffix}` }).waitFor();
    expect(await page.getByTestId('event-status').textContent()).toBe('Draft');
    expect(await page.getByTestId('seats').textContent()).toBe('2 free of 2');
    // Only the lifecycle's steps from a draft are offered.
    const steps = page.getByRole('group', { name: 'Change status' }).getByRole('button');
    expect(await steps.allTextContents()).toEqual(['Publish', 'Cancel event']);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('event-status').filter({ hasText: 'Open for registration' }).waitFor();
    expect(await steps.allTextContents()).toEqual(['Close registration', 'Mark as held', 'Cancel event']);
    eventUrl = new URL(page.url()).pathname;
    await walk.step(page, 'event-published');
  }, 90_000);

  it('should let an officer register until the waiting list, and take the seat a cancellation offers', async () => {
    await signIn(page, consoleUrl(), 'municipality:officer', officerMunicipality);
    // An officer sees no coordinator actions: no "New event", no status steps, no door check-in.
    expect(await page.getByRole('link', { name: 'New event' }).count()).toBe(0);
    await page.goto(`${system.url.events}${eventUrl}`);
    await page.getByRole('heading', { name: 'Register a participant' }).waitFor();
    expect(await page.getByRole('group', { name: 'Change status' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Check-in at the door' }).count()).toBe(0);

    const expected = ['confirmed', 'confirmed', 'waitlisted'];
    for (const [i, name] of people.entries()) {
      await page.getByLabel('Full name').fill(name);
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await seatOf(name, expected[i]).waitFor();
    }
    expect(await page.locator(`[data-participant="${ivan}"]`).textContent()).toContain('place 1');
    await walk.step(page, 'event-waitlisted');

    await page.getByRole('button', { name: `Cancel ${olena}` }).click();
    await seatOf(olena, 'cancelled').waitFor();
    await seatOf(ivan, 'offered').waitFor();
    await walk.step(page, 'event-seat-offered');
    await page.getByRole('button', { name: `Accept seat for ${ivan}` }).click();
    await seatOf(ivan, 'confirmed').waitFor();
    await walk.step(page, 'event-offer-accepted');
  }, 90_000);

  it('should check a confirmed participant in by the code on their ticket, once', async () => {
    await signIn(page, consoleUrl(), 'events:coordinator');
    await page.goto(`${system.url.events}${eventUrl}`);
    const code = page.locator(`[data-check-in-code="${petro}"]`);
    await code.waitFor();
    const ticket = (await code.textContent())!;
    await page.getByLabel('Check-in code').fill(ticket);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${petro} checked in at` })
      .waitFor();
    // A second scan of the same ticket says when the first was, and checks in nobody.
    await page.getByLabel('Check-in code').fill(ticket);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${petro} was already checked in at` })
      .waitFor();
    await page.locator(`[data-participant="${petro}"]`).filter({ hasText: 'checked in' }).waitFor();
    await walk.step(page, 'event-checked-in');

    // The same page in Ukrainian: the console's words and the dates in the reader's language.
    await page.getByLabel('Language', { exact: true }).selectOption('uk');
    await page.getByRole('heading', { name: `Форум солідарності ${suffix}` }).waitFor();
    expect(await page.getByTestId('event-status').textContent()).toBe('Реєстрацію відкрито');
    await walk.step(page, 'event-uk');
    await page.getByLabel('Мова', { exact: true }).selectOption('en');
  }, 90_000);

  it('should keep two coordinators from overwriting each other: the later save on a stale version changes nothing', async () => {
    await signIn(page, consoleUrl(), 'events:coordinator');
    await page.goto(`${system.url.events}${eventUrl}`);
    await page.getByRole('link', { name: 'Edit event' }).click();
    await page.getByRole('heading', { name: 'Edit event', level: 1 }).waitFor();

    // A colleague opens the same event in another browser and saves a new venue first.
    const colleague = walk.watch(await openConsolePage(browser));
    try {
      await signIn(colleague, consoleUrl(), 'events:coordinator');
      await colleague.goto(`${system.url.events}${eventUrl}/edit`);
      await colleague.getByLabel('Venue').fill('Lublin, Centre for the Meeting of Cultures');
      await colleague.getByRole('button', { name: 'Save' }).click();
      await colleague.getByRole('heading', { name: `Solidarity forum ${suffix}` }).waitFor();
    } finally {
      await colleague.context().close();
    }

    // Our form still shows the old version: saving it is refused, and says what to do.
    await page.getByLabel('Title (English)').fill(`Solidarity forum ${suffix} (stale copy)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Another coordinator changed this event' }).waitFor();
    await walk.step(page, 'event-form-changed-meanwhile');
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await page
      .getByLabel('Venue')
      .and(page.locator('[value="Lublin, Centre for the Meeting of Cultures"]'))
      .waitFor();
    expect(await page.getByLabel('Title (English)').inputValue()).toBe(`Solidarity forum ${suffix}`);
  }, 90_000);

  it('should have no serious or critical accessibility violations and no uncaught page errors', () => {
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });
});
