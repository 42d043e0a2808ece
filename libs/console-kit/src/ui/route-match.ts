/** Where every console lives on its service. */
export const CONSOLE_BASE = '/console';

/**
 * Matches a route pattern like `/municipalities/:id` against a path inside the console; returns the
 * decoded parameters, or undefined when the path is not this route.
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** The path inside the console of a browser location's pathname (`/console/a/b` → `/a/b`). */
export function consolePath(pathname: string): string {
  const inside = pathname.startsWith(CONSOLE_BASE) ? pathname.slice(CONSOLE_BASE.length) : pathname;
  return inside === '' ? '/' : inside;
}
