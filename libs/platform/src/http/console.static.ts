import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { ConsoleSignIn } from '../auth/console-sign-in';

/** Where a console is served: every service at the same path, so a console moves with its service. */
export const CONSOLE_PATH = '/console';

/** Where `npm run consoles:build` writes a service's console (build output, never committed). */
export function builtConsoleDirectory(service: string): string {
  return resolve(process.cwd(), 'dist', 'consoles', service);
}

/**
 * Serves a console's static build at /console/: hashed assets cached for a year, index.html never
 * cached (a deploy takes effect on the next load), and index.html for any other path under /console/
 * so deep links work. The console's code is public; its data needs a token like any API caller.
 * When OpenID Connect is configured, the page may also talk to the identity provider (CSP connect-src).
 * A missing build answers a clear 503 instead of an empty page.
 */
export function consoleRouter(directory: string, signIn: ConsoleSignIn): Router {
  const router = express.Router();
  const index = join(directory, 'index.html');
  const connectSrc = ["'self'", ...(signIn.mode === 'oidc' ? [new URL(signIn.authority).origin] : [])];

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Content-Security-Policy', consolePolicy(connectSrc));
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(`This console has not been built. Run "npm run consoles:build" (looked in ${directory}).`);
      return;
    }
    next();
  });
  router.use(
    '/assets',
    express.static(join(directory, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(directory, { index: false, maxAge: 0 }));
  router.get(/.*/, (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/** Helmet's defaults, with the identity provider added to connect-src when there is one. */
function consolePolicy(connectSrc: readonly string[]): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connectSrc.join(' ')}`,
  ].join('; ');
}
