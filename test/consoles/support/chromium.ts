import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's chromium package, which .ci/run installs (Playwright's own browser download cannot be
 * fetched on these machines). CHROMIUM_PATH points elsewhere when needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Chromium refuses its sandbox as root (CI runs as root); the pages are our own consoles.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/**
 * A page as the console walkthroughs open one: English UI, a desktop viewport, and the console's
 * Content-Security-Policy bypassed only so axe-core can be injected (the CSP allows the console's own
 * scripts only; coordinator-task's keyboard test opens a context that enforces it).
 */
export async function openConsolePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  return context.newPage();
}
