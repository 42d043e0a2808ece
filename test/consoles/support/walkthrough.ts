import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations, type Violation } from './axe';

/**
 * Records a walk through the consoles: a numbered screenshot of every step into one folder, and an
 * axe-core check of every page visited (serious and critical violations collected for the test to assert).
 */
export class Walkthrough {
  readonly violations: Violation[] = [];
  /** Uncaught errors in any page watched: a console must never throw where the user cannot see it. */
  readonly pageErrors: string[] = [];
  private count = 0;

  /** CONSOLE_SCREENSHOTS_DIR redirects the screenshots (npm run consoles:screenshots refreshes docs/consoles). */
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  watch(page: Page): Page {
    page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  async step(page: Page, name: string): Promise<void> {
    this.count += 1;
    await page.screenshot({
      path: join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
    this.violations.push(...(await seriousViolations(page)));
  }
}

/**
 * Where a walk's screenshots go: `<workDir>/screenshots`, or — when `npm run consoles:screenshots` sets
 * CONSOLE_SCREENSHOTS_DIR — that folder (the coordinator task, which the README shows) or a subfolder
 * named after the walk, so the walks' numbered files do not mix.
 */
export function screenshotsDir(workDir: string, walk?: string): string {
  const refreshing = process.env.CONSOLE_SCREENSHOTS_DIR;
  if (!refreshing) return join(workDir, 'screenshots');
  return walk ? join(refreshing, walk) : refreshing;
}

/**
 * Signs in on a console's development sign-in page as `role` (and municipality, for an officer),
 * signing out first when the tab still holds a session of that console.
 */
export async function signIn(
  page: Page,
  consoleUrl: string,
  role: string,
  municipalityId?: string,
): Promise<void> {
  await page.goto(consoleUrl);
  const signOutButton = page.getByRole('button', { name: 'Sign out' });
  await page.getByRole('heading', { name: 'Sign in' }).or(signOutButton).first().waitFor();
  if (await signOutButton.isVisible()) await signOut(page);
  await page.getByLabel('Role').selectOption(role);
  if (municipalityId) await page.getByLabel(/Municipality id/).fill(municipalityId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/**
 * Presses Tab until the focused element's text or label is `name` (at most 40 times) and returns
 * how many presses it took: proves the control is reachable by keyboard, in tab order.
 */
export async function tabTo(page: Page, name: string): Promise<number> {
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = (
        globalThis as unknown as {
          document: {
            activeElement: {
              textContent: string | null;
              getAttribute(n: string): string | null;
              labels?: { textContent: string | null }[];
            } | null;
          };
        }
      ).document.activeElement;
      return [
        el?.textContent,
        el?.getAttribute('aria-label'),
        ...Array.from(el?.labels ?? []).map((l) => l.textContent),
      ]
        .filter((t): t is string => !!t)
        .map((t) => t.trim());
    });
    if (focused.includes(name)) return presses;
  }
  throw new Error(`"${name}" is not reachable with the Tab key`);
}
