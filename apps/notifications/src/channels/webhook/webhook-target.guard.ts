import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import {
  checkResolvedAddress,
  checkWebhookUrl,
  hostOf,
  isHostName,
  type TargetVerdict,
  type WebhookTargetPolicy,
} from '../../webhooks/webhook-target.policy';

type TargetRefusal = Extract<TargetVerdict, { allowed: false }>;

/** Resolves a host name to every address it has (as getaddrinfo does: /etc/hosts, then DNS). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemHostResolver: HostResolver = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/** Raised, through the socket, when a webhook host resolves to an address the policy refuses. */
export class WebhookTargetRefusedError extends Error {
  override readonly name = 'WebhookTargetRefusedError';
  readonly code = 'WEBHOOK_TARGET_REFUSED';
}

/**
 * Applies the WebhookTargetPolicy when a subscription is created and again on every connection.
 * The second check is what stops DNS rebinding (a name that resolved to a public address at
 * creation and resolves to 127.0.0.1 now): `lookup` is the socket's resolver, so the addresses it
 * checks are the very addresses the socket then connects to; there is no second resolution.
 */
export class WebhookTargetGuard {
  constructor(
    readonly policy: WebhookTargetPolicy,
    private readonly resolve: HostResolver = systemHostResolver,
  ) {}

  /** The URL alone: scheme, address literals, loopback names. */
  checkUrl(url: URL): TargetVerdict {
    return checkWebhookUrl(url, this.policy);
  }

  /**
   * The URL and, for a host name, every address it resolves to now (at subscription time, for an
   * early and clear answer). A name that does not resolve yet passes: deliveries check again.
   */
  async check(url: URL): Promise<TargetVerdict> {
    const verdict = this.checkUrl(url);
    if (!verdict.allowed || !this.policy.publicAddressesOnly || !isHostName(url)) return verdict;
    const host = hostOf(url);
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch {
      return { allowed: true };
    }
    return this.firstRefusal(host, addresses) ?? { allowed: true };
  }

  /** A `net` lookup that resolves, refuses the host unless every address is allowed, then answers. */
  readonly lookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
    this.resolveAllowed(hostname).then(
      (resolved) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses =
          family === 4 || family === 6 ? resolved.filter((a) => a.family === family) : resolved;
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }), '');
        } else if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  private async resolveAllowed(hostname: string): Promise<LookupAddress[]> {
    const addresses = await this.resolve(hostname);
    const refusal = this.firstRefusal(hostname, addresses);
    if (refusal) throw new WebhookTargetRefusedError(refusal.reason);
    return addresses;
  }

  /** Every address must pass: a receiver with one public and one private address is refused. */
  private firstRefusal(hostname: string, addresses: readonly LookupAddress[]): TargetRefusal | undefined {
    return addresses
      .map((a) => checkResolvedAddress(hostname, a.address, this.policy))
      .find((verdict): verdict is TargetRefusal => !verdict.allowed);
  }
}
