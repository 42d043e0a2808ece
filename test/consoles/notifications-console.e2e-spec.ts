/**
 * The notifications console in a real browser (Debian's chromium driven by playwright-core) against the
 * notifications service as its own process on real Kafka and PostgreSQL, sending to a real SMTP server
 * the test controls: an admin sees a failed email with its reason and sends it again (it arrives),
 * previews a template in Ukrainian and English, and changes a recipient's preferences; a role that may
 * not act sees the service's 403. axe-core checks every page visited.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Topics } from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { testKafkaBrokers, uniqueTopicPrefix, waitForValue, waitUntil } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import {
  partnershipEstablished,
  profile,
  registered,
} from '../../apps/notifications/test/support/registry-records';
import {
  startSmtpTestServer,
  type SmtpTestServer,
} from '../../apps/notifications/test/support/smtp-test-server';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';
import { launchChromium, openConsolePage } from './support/chromium';
import { screenshotsDir, signIn, Walkthrough } from './support/walkthrough';
import { ensureConsolesBuilt } from './support/built-consoles';

const ROOT = join(__dirname, '..', '..');
const LOGS = join(ROOT, '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

describe('notifications console in a real browser', () => {
  const workDir = mkdtempSync(join(LOGS, 'notifications-console-'));
  const walk = new Walkthrough(screenshotsDir(workDir, 'notifications'));
  const suffix = randomUUID().slice(0, 8);
  // rejected.test mailboxes get 550 from the SMTP server until the test accepts them.
  const olena = {
    contactId: randomUUID(),
    name: `Олена Петренко ${suffix}`,
    email: `olena.${suffix}@rejected.test`,
    preferredLanguage: 'uk',
  };
  const hromada = profile({
    nameNative: `Мостова сільська громада ${suffix}`,
    nameLatin: `Mostova silska hromada ${suffix}`,
    contacts: [olena],
  });
  const eu = profile({
    kind: 'eu-municipality',
    country: 'PL',
    nameNative: `Gmina Mostowa ${suffix}`,
    nameLatin: `Gmina Mostowa ${suffix}`,
    contacts: [
      {
        contactId: randomUUID(),
        name: 'Anna Kowalska',
        email: `anna.${suffix}@gmina.test`,
        preferredLanguage: 'pl',
      },
    ],
  });
  let smtp: SmtpTestServer;
  let system: SystemUnderTest<'notifications'>;
  let browser: Browser;
  let page: Page;
  let admin: string;

  const consoleUrl = (path = '/') => `${system.url.notifications}/console${path}`;
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${system.url.notifications}${path}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    process.stdout.write(`notifications console screenshots: ${walk.dir}\n`);
    await ensureConsolesBuilt(['notifications']);
    smtp = await startSmtpTestServer();
    const topicPrefix = uniqueTopicPrefix();
    system = await startSystem({
      services: ['notifications'] as const,
      topicPrefix,
      databasePrefix: 'notifications_console',
      workDir,
      env: { SMTP_PORT: String(smtp.port) },
    });
    admin = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.NotificationsAdmin],
      sub: 'console-admin',
    });
    // The registry's profiles and matching's partnership, as their outbox relays publish them.
    const producer = await rawProducer(testKafkaBrokers());
    try {
      await producer.send({
        topic: `${topicPrefix}${Topics.registry.municipality}`,
        messages: [registered(hromada), registered(eu)],
      });
      const partnership = partnershipEstablished(hromada.municipalityId, eu.municipalityId);
      await producer.send({ topic: `${topicPrefix}${Topics.matching.partnership}`, messages: [partnership] });
    } finally {
      await producer.disconnect();
    }
    // Olena's partnership email was refused for good by her mail server.
    await waitUntil(
      async () =>
        (await api<{ total: number }>(`/deliveries?recipientId=${olena.contactId}&status=failed`)).total ===
        1,
      90_000,
      "Olena's email failed",
    );
    browser = await launchChromium();
    page = walk.watch(await openConsolePage(browser));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await smtp?.stop();
  });

  it('should let an admin send a failed email again, preview a template in uk and en, and change preferences', async () => {
    // Deliveries: the failed email with its reason.
    await signIn(page, consoleUrl(), Role.NotificationsAdmin);
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByLabel('Recipient id').fill(olena.contactId);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('cell', { name: 'EMAIL_RECIPIENT_REJECTED (550)' }).waitFor();
    await walk.step(page, 'notifications-failed-delivery');

    // The mailbox exists now: send again, and it reaches the SMTP server once.
    smtp.accept(olena.email);
    await page.getByRole('button', { name: 'Send again' }).click();
    await page.getByText('Queued again: it will be sent in a moment.').waitFor();
    const mail = await waitForValue(() => smtp.to(olena.email)[0], 60_000, "Olena's email");
    expect(mail.text).toContain(hromada.nameNative);
    await page.getByLabel('Status').selectOption('sent');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('cell', { name: 'sent', exact: true }).waitFor();
    expect(smtp.to(olena.email)).toHaveLength(1);
    await walk.step(page, 'notifications-delivery-sent-again');

    // Templates: the partnership email in Ukrainian, then in English, as the service renders it.
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByLabel('Template', { exact: true }).selectOption('partnership.established');
    for (const locale of ['uk', 'en']) {
      const expected = await api<{ subject: string }>(
        `/templates/partnership.established/preview?locale=${locale}`,
      );
      await page.getByLabel('Language of the email').selectOption(locale);
      await page.getByRole('heading', { name: expected.subject }).waitFor();
      expect(await page.locator(`iframe[title="The email “${expected.subject}”"]`).count()).toBe(1);
      await walk.step(page, `notifications-template-${locale}`);
    }

    // Recipients: Olena's preferences — no more partnership emails, daily digests.
    await page.getByRole('link', { name: 'Recipients' }).click();
    await page.getByLabel('Kind').selectOption('municipality-contact');
    await page.getByLabel('Municipality id').fill(hromada.municipalityId);
    await page.getByRole('button', { name: 'Apply' }).click();
    await walk.step(page, 'notifications-recipients');
    await page.getByRole('link', { name: olena.name }).click();
    await page.getByRole('heading', { name: 'Preferences' }).waitFor();
    await page.getByRole('checkbox', { name: 'partnership.established' }).uncheck();
    await page.getByLabel('Proposal digest').selectOption('daily');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Preferences saved.').waitFor();
    await walk.step(page, 'notifications-recipient-preferences');
    expect(
      await api<{ disabledTemplates: string[]; digestFrequency: string }>(
        `/recipients/${olena.contactId}/preferences`,
      ),
    ).toMatchObject({ disabledTemplates: ['email:partnership.established'], digestFrequency: 'daily' });

    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 180_000);

  it("should show a matching coordinator the service's 403 on the admin pages, and no admin links", async () => {
    await signIn(page, consoleUrl(), Role.MatchingCoordinator);
    expect(await page.getByRole('link', { name: 'Deliveries' }).count()).toBe(0);
    for (const path of ['/deliveries', '/templates', '/recipients']) {
      await page.goto(consoleUrl(path));
      await page.getByText('Your role may not do this here.').first().waitFor();
    }
    await walk.step(page, 'notifications-forbidden');
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  }, 120_000);
});
