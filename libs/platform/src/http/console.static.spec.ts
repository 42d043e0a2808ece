import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { consoleRouter } from './console.static';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

const app = (dir: string, signIn: Parameters<typeof consoleRouter>[1] = { mode: 'development' }) =>
  express().use('/console', consoleRouter(dir, signIn));

describe(consoleRouter.name, () => {
  it('should answer index.html, never cached, for any path under /console/ so deep links work', async () => {
    const response = await request(app(builtConsole())).get('/console/municipalities/42');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('should cache hashed assets for a year and answer 404 for a missing one', async () => {
    const dir = builtConsole();
    const asset = await request(app(dir)).get('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await request(app(dir)).get('/console/assets/gone.js')).status).toBe(404);
  });

  it('should allow connections to the identity provider only when the console signs in with OpenID Connect', async () => {
    const dir = builtConsole();
    const dev = await request(app(dir)).get('/console/');
    expect(dev.headers['content-security-policy']).toMatch(/connect-src 'self'$/);
    const oidc = await request(
      app(dir, {
        mode: 'oidc',
        authority: 'https://id.example.org/realms/bridges',
        clientId: 'c',
        scope: 's',
      }),
    ).get('/console/');
    expect(oidc.headers['content-security-policy']).toMatch(/connect-src 'self' https:\/\/id\.example\.org$/);
  });

  it('should answer a clear 503 when the console has not been built', async () => {
    const response = await request(app(join(tmpdir(), 'no-such-console'))).get('/console/');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run consoles:build');
  });
});
