/**
 * A proposed partner's page in the registry console, as a hromada's officer opens it from a proposal or
 * a digest: the officer may not read another municipality's full profile (404), so the console shows its
 * public profile — who it is, what it offers — without contacts and without an edit button. Real
 * browser against the registry as its own process on real Kafka and PostgreSQL; axe-core on the page.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { uniqueTopicPrefix } from '@bridges/testing';
import { euMunicipalityBody, hromadaBody } from '../../apps/registry/test/support/municipality.factory';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';
import { ensureConsolesBuilt } from './support/built-consoles';
import { launchChromium, openConsolePage } from './support/chromium';
import { screenshotsDir, signIn, Walkthrough } from './support/walkthrough';

const LOGS = join(__dirname, '..', '..', '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('a proposed partner’s profile in the registry console', () => {
  const workDir = mkdtempSync(join(LOGS, 'public-profile-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'public-profile'));
  const partnerName = `Gmina Partnerska ${randomUUID().slice(0, 6)}`;
  const partnerContact = `wojt.${randomUUID().slice(0, 6)}@gmina.example`;
  let system: SystemUnderTest<'registry'>;
  let browser: Browser;
  let page: Page;
  let hromadaId: string;
  let partnerId: string;

  beforeAll(async () => {
    await ensureConsolesBuilt(['registry']);
    system = await startSystem({
      services: ['registry'] as const,
      topicPrefix: uniqueTopicPrefix(),
      databasePrefix: 'public_profile',
      workDir,
    });
    const coordinator = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.RegistryCoordinator],
      sub: 'public-profile-setup',
    });
    const register = async (body: unknown) => {
      const response = await fetch(`${system.url.registry}/municipalities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { municipalityId: string }).municipalityId;
    };
    hromadaId = await register(hromadaBody());
    partnerId = await register(
      euMunicipalityBody({
        nameNative: partnerName,
        contacts: [{ name: 'Wójt', email: partnerContact, preferredLanguage: 'pl' }],
      }),
    );
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should show a hromada officer the partner’s public profile, without contacts or editing', async () => {
    await signIn(page, `${system.url.registry}/console/`, Role.MunicipalityOfficer, hromadaId);
    await page.goto(`${system.url.registry}/console/municipalities/${partnerId}`);

    await page.getByRole('heading', { name: partnerName }).waitFor();
    await page.getByText('Miasto Warszawa').waitFor();
    await page.getByText(/Heat pumps for schools/).waitFor();
    await page.getByText('No contacts visible to you.').waitFor();
    expect(await page.getByText(partnerContact).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await walk.step(page, 'registry-partner-public-profile');

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });
});
