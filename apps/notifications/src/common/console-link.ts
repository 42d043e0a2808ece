/**
 * A link to a page of a service's console, e.g. `consoleLink('https://matching.example/console/',
 * 'proposals/7')`; undefined when the console's address is not configured (emails then leave the button
 * out). Each service serves its own console, so each link takes that service's console address.
 */
export function consoleLink(consoleUrl: string | undefined, path: string): string | undefined {
  if (!consoleUrl) return undefined;
  const base = consoleUrl.endsWith('/') ? consoleUrl : `${consoleUrl}/`;
  return new URL(path, base).toString();
}
