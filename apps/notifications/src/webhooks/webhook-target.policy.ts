import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go. Association admins choose webhook URLs, so without this policy a subscription
 * can make the service POST to its own network (cloud metadata at 169.254.169.254, databases on
 * loopback, the intranet). Pure functions: the caller resolves names and passes the addresses in.
 */
export interface WebhookTargetPolicy {
  /** Refuse `http:` URLs. */
  readonly requireHttps: boolean;
  /** Refuse every address that is not public unicast, unless an allow-list below admits it. */
  readonly publicAddressesOnly: boolean;
  /** Host names (lower case, exact match) that may resolve to any address: intranet receivers. */
  readonly allowedHosts: readonly string[];
  /** Address ranges admitted besides public addresses. */
  readonly allowedRanges: readonly AddressRange[];
}

export type AddressRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type TargetVerdict = { allowed: true } | { allowed: false; reason: string };

/** Settings the policy is built from (NotificationsEnv provides them). */
export interface WebhookTargetSettings {
  production: boolean;
  allowedHosts?: readonly string[];
  /** CIDRs (`10.20.0.0/16`, `fd00::/8`) or single addresses. */
  allowedCidrs?: readonly string[];
}

/**
 * Production: https to public addresses only, plus the allow-lists. Development and test: anything
 * http(s), because local receivers (`npm start`, the e2e tests) listen on loopback.
 */
export function webhookTargetPolicyFor(settings: WebhookTargetSettings): WebhookTargetPolicy {
  return {
    requireHttps: settings.production,
    publicAddressesOnly: settings.production,
    allowedHosts: (settings.allowedHosts ?? []).map(normalizeHostname),
    allowedRanges: (settings.allowedCidrs ?? []).map(parseAddressRange),
  };
}

/** `10.0.0.0/8`, `fd00::/8` or a single address (as /32 or /128); throws on anything else. */
export function parseAddressRange(entry: string): AddressRange {
  const value = entry.trim();
  if (value.includes('/')) return ipaddr.parseCIDR(value);
  if (isIP(value) === 0) throw new Error(`${value} is neither a CIDR nor an IP address`);
  const address = ipaddr.parse(value);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Checks what can be checked from the URL alone: the scheme, an address written as the host, and
 * names that are loopback by definition. A host name passes here; its addresses are checked when it
 * is resolved (see checkResolvedAddress).
 *
 * Pass a WHATWG `URL`: it already rewrote `http://2130706433/`, `0x7f.1` and `127.1` to `127.0.0.1`,
 * and that normalised host is the one the sender connects to.
 */
export function checkWebhookUrl(url: URL, policy: WebhookTargetPolicy): TargetVerdict {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse(`must be an http or https URL, not ${url.protocol}`);
  if (policy.requireHttps && url.protocol !== 'https:') return refuse('must use https');
  if (!policy.publicAddressesOnly) return { allowed: true };
  const host = hostOf(url);
  if (policy.allowedHosts.includes(host)) return { allowed: true };
  if (isIP(host) !== 0) return checkAddress(host, policy);
  if (host === 'localhost' || host.endsWith('.localhost'))
    return refuse(`${host} is a loopback name (RFC 6761)`);
  return { allowed: true };
}

/** Checks one address a webhook host name resolved to. */
export function checkResolvedAddress(
  hostname: string,
  address: string,
  policy: WebhookTargetPolicy,
): TargetVerdict {
  if (!policy.publicAddressesOnly) return { allowed: true };
  if (policy.allowedHosts.includes(normalizeHostname(hostname))) return { allowed: true };
  const verdict = checkAddress(address, policy);
  return verdict.allowed ? verdict : refuse(`${hostname} resolves to ${verdict.reason}`);
}

/** Whether the URL's host is a name (resolved when connecting) rather than an address. */
export function isHostName(url: URL): boolean {
  return isIP(hostOf(url)) === 0;
}

/** The URL's host as the socket layer takes it: no IPv6 brackets, no trailing dot, lower case. */
export function hostOf(url: URL): string {
  return normalizeHostname(url.hostname.replace(/^\[(.*)\]$/, '$1'));
}

/**
 * The ipaddr.js range of an address, with IPv4 inside IPv6 judged as IPv4 (`::ffff:127.0.0.1` is
 * loopback). `unicast` is the only public one.
 */
export function addressRange(address: string): string {
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  const range = parsed.range();
  // ipaddr.js calls the deprecated IPv4-compatible form (::a.b.c.d, RFC 4291 2.5.5.1) unicast; it
  // carries an IPv4 address and is nothing a public receiver uses.
  if (parsed instanceof ipaddr.IPv6 && range === 'unicast' && parsed.parts.slice(0, 6).every((p) => p === 0))
    return 'ipv4Compatible';
  return range;
}

function checkAddress(address: string, policy: WebhookTargetPolicy): TargetVerdict {
  const range = addressRange(address);
  if (range === 'unicast') return { allowed: true };
  if (isInAllowedRange(address, policy.allowedRanges)) return { allowed: true };
  return refuse(`${address}, ${RANGE_LABELS[range] ?? `a ${range}`} address`);
}

function isInAllowedRange(address: string, ranges: readonly AddressRange[]): boolean {
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes IPv4, so 10.0.0.0/8 covers ::ffff:10.0.0.1
  return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
}

function normalizeHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

function refuse(reason: string): TargetVerdict {
  return { allowed: false, reason };
}

/** Readable names of ipaddr.js ranges, for messages. */
const RANGE_LABELS: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT',
  private: 'a private',
  reserved: 'a reserved',
  uniqueLocal: 'a unique local',
  deprecatedSiteLocal: 'a site-local',
  rfc6145: 'an IPv4-translated',
  rfc6052: 'a NAT64',
  '6to4': 'a 6to4',
  teredo: 'a Teredo',
  ipv4Compatible: 'an IPv4-compatible',
};
