/**
 * Production sign-in in a real browser: the registry runs with NODE_ENV=production and an identity
 * provider (no development sign-in), its console signs a coordinator in at a real OpenID Connect
 * provider on 127.0.0.1 with Authorization Code + PKCE, and the registry accepts the provider's access
 * token via its JWKS — and refuses one whose issuer is not the configured one.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { Role } from '@bridges/platform';
import { launchChromium } from './support/chromium';
import { REGISTRY_AUDIENCE, startOidcConsoleSystem } from './support/oidc-console-system';
import { Walkthrough } from './support/walkthrough';

const LOGS = join(__dirname, '..', '..', '.local', 'test-logs');
mkdirSync(LOGS, { recursive: true });

const LOGIN = 'olena.koval';
const ACCOUNTS = { [LOGIN]: { roles: [Role.RegistryCoordinator], name: 'Olena Koval' } };

/** A JWT's claims, unverified: the test only reads what the browser sent. */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe('console sign-in at an OpenID Connect provider (production)', () => {
  const workDir = mkdtempSync(join(LOGS, 'oidc-console-'));
  const walk = new Walkthrough(join(workDir, 'screenshots'));
  const suffix = randomUUID().slice(0, 8);
  const municipalityName = `Gmina Zorza ${suffix}`;
  let system: Awaited<ReturnType<typeof startOidcConsoleSystem>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Screenshots only: axe cannot be injected under the console's CSP (see the accessibility test). */
  const screenshot = (name: string) =>
    page.screenshot({ path: join(walk.dir, `${name}.png`), fullPage: true });

  const registryApi = async (path: string, token: string, body?: unknown) => {
    const response = await fetch(`${system.registryUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    process.stdout.write(`OIDC sign-in screenshots: ${walk.dir}\n`);
    system = await startOidcConsoleSystem(workDir, ACCOUNTS);
    browser = await launchChromium();
    // The console's own CSP is enforced (no bypass): it must let the page reach the provider.
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    // Tests talk only to 127.0.0.1 (the provider's built-in pages import a web font from elsewhere).
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    page = walk.watch(await context.newPage());
    // Something for the console to list: registered with a token the provider's key signs.
    const seeder = await system.provider.signAccessToken({ sub: 'seed', roles: [Role.RegistryCoordinator] });
    const created = await registryApi('/municipalities', seeder, {
      country: 'PL',
      officialCode: `PL_${String(randomInt(10 ** 6, 10 ** 7))}`,
      nameNative: municipalityName,
      region: { code: 'PL821', name: 'Krośnieński' },
      settlementType: 'town',
      population: 9100,
      populationYear: 2020,
      areaKm2: 88,
      location: { lat: 49.6, lon: 21.7 },
      sectors: ['water-supply'],
      workingLanguages: ['pl'],
      partnershipCapacity: 1,
      seekingPartner: true,
      contacts: [{ name: 'Jan Nowak', email: `jan.${suffix}@gmina.example`, preferredLanguage: 'pl' }],
    });
    expect(created.status).toBe(201);
    // Building the console and starting the provider and the registry on a loaded 2-core machine.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('should sign a registry coordinator in with Authorization Code + PKCE and load the registry with the access token', async () => {
    const refusedByCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusedByCsp.push(message.text());
    });
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    await page.goto(`${system.registryUrl}/console/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Production offers only the organisation's sign-in: no role picker, no development notice.
    expect(await page.getByLabel('Role').count()).toBe(0);
    await screenshot('oidc-sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();

    // At the provider: the authorization request is a code request with an S256 PKCE challenge.
    await page.waitForURL((url) => url.origin === system.provider.issuer);
    const authorize = requests.find((r) => r.url().startsWith(`${system.provider.issuer}/auth?`));
    const params = new URL(authorize!.url()).searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.locator('input[name="login"]').fill(LOGIN);
    await page.locator('input[name="password"]').fill('not checked by this provider');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = page.getByRole('button', { name: 'Continue' });
    await consent.waitFor();
    await screenshot('oidc-provider-consent');
    const listed = page.waitForResponse(
      (r) => r.url().startsWith(`${system.registryUrl}/municipalities`) && r.request().method() === 'GET',
    );
    await consent.click();

    // Back in the console: the code was exchanged with the verifier, and the list loaded with the token.
    const list = await listed;
    await page.getByRole('link', { name: municipalityName }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(list.status()).toBe(200);
    const bearer = /^Bearer (\S+)$/.exec((await list.request().headerValue('authorization')) ?? '');
    expect(claimsOf(bearer![1])).toMatchObject({
      iss: system.provider.issuer,
      aud: REGISTRY_AUDIENCE,
      sub: LOGIN,
      roles: [Role.RegistryCoordinator],
    });
    const tokenRequest = requests.find((r) => r.url().startsWith(`${system.provider.issuer}/token`));
    const form = new URLSearchParams(tokenRequest!.postData() ?? '');
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    // The code and state do not stay in the address bar.
    expect(new URL(page.url()).search).toBe('');
    // A registry coordinator's navigation.
    await page.getByRole('link', { name: 'Register' }).waitFor();
    await screenshot('oidc-signed-in');
    expect(refusedByCsp).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it('should show the organisation sign-in page without serious accessibility violations', async () => {
    // axe-core is injected as a script: only a context that bypasses the console's CSP allows it.
    const axeContext = await browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const axePage = walk.watch(await axeContext.newPage());
    await axePage.goto(`${system.registryUrl}/console/`);
    await axePage.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    await walk.step(axePage, 'oidc-sign-in-axe');
    await axeContext.close();
    expect(walk.violations).toEqual([]);
    expect(walk.pageErrors).toEqual([]);
  });

  it('should not offer development sign-in: the console is told "oidc" and POST /auth/dev-token answers 404', async () => {
    const config = await (await fetch(`${system.registryUrl}/auth/console-config`)).json();
    expect(config).toEqual({
      mode: 'oidc',
      authority: system.provider.issuer,
      clientId: 'bridges-registry-console',
      scope: 'openid profile email',
    });
    const devToken = await fetch(`${system.registryUrl}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: Role.RegistryCoordinator }),
    });
    expect(devToken.status).toBe(404);
  });

  it("should refuse (401) a token signed with the provider's own key but naming another issuer", async () => {
    const claims = { sub: LOGIN, roles: [Role.RegistryCoordinator] };
    const genuine = await system.provider.signAccessToken(claims);
    const otherIssuer = await system.provider.signAccessToken(claims, {
      issuer: 'http://127.0.0.1:1/another-organisation',
    });
    expect((await registryApi('/municipalities', genuine)).status).toBe(200);
    const refused = await registryApi('/municipalities', otherIssuer);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain('claim \\"iss\\" is not accepted');
  });
});
