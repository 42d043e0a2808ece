import type { LookupAddress } from 'node:dns';
import { webhookTargetPolicyFor } from '../../webhooks/webhook-target.policy';
import { WebhookTargetGuard, WebhookTargetRefusedError, type HostResolver } from './webhook-target.guard';

const production = webhookTargetPolicyFor({ production: true });
const development = webhookTargetPolicyFor({ production: false });

/** A resolver over a fixed table that records what it was asked. */
function fakeResolver(table: Record<string, LookupAddress[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = (hostname: string) => {
    asked.push(hostname);
    const found = table[hostname];
    return found
      ? Promise.resolve(found)
      : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  };
  return Object.assign(resolve, { asked });
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

describe(WebhookTargetGuard.name, () => {
  describe('check', () => {
    it('should refuse a name that resolves to a private address when production', async () => {
      const guard = new WebhookTargetGuard(production, fakeResolver({ 'hooks.example': [v4('10.0.0.7')] }));
      expect(await guard.check(new URL('https://hooks.example/x'))).toEqual({
        allowed: false,
        reason: 'hooks.example resolves to 10.0.0.7, a private address',
      });
    });

    it('should refuse a name when one of several addresses is internal', async () => {
      const guard = new WebhookTargetGuard(
        production,
        fakeResolver({ 'hooks.example': [v4('8.8.8.8'), v6('::ffff:169.254.169.254')] }),
      );
      expect(await guard.check(new URL('https://hooks.example/x'))).toMatchObject({ allowed: false });
    });

    it('should allow a name that resolves to public addresses only', async () => {
      const guard = new WebhookTargetGuard(
        production,
        fakeResolver({ 'hooks.example': [v4('8.8.8.8'), v6('2606:4700:4700::1111')] }),
      );
      expect(await guard.check(new URL('https://hooks.example/x'))).toEqual({ allowed: true });
    });

    it('should allow a name that does not resolve yet, leaving the decision to delivery time', async () => {
      const guard = new WebhookTargetGuard(production, fakeResolver({}));
      expect(await guard.check(new URL('https://not-yet.example/x'))).toEqual({ allowed: true });
    });

    it('should refuse localhost without asking the resolver', async () => {
      const resolver = fakeResolver({ localhost: [v4('8.8.8.8')] });
      const guard = new WebhookTargetGuard(production, resolver);
      expect((await guard.check(new URL('https://localhost/x'))).allowed).toBe(false);
      expect(resolver.asked).toEqual([]);
    });

    it('should not resolve anything when development', async () => {
      const resolver = fakeResolver({});
      const guard = new WebhookTargetGuard(development, resolver);
      expect(await guard.check(new URL('http://localhost:3003/x'))).toEqual({ allowed: true });
      expect(resolver.asked).toEqual([]);
    });
  });

  describe('lookup', () => {
    const lookup = (
      guard: WebhookTargetGuard,
      hostname: string,
      options: { all?: boolean; family?: number },
    ) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
        guard.lookup(hostname, options, (error, address, family) => resolve({ error, address, family })),
      );

    it('should fail with WebhookTargetRefusedError when an address is refused', async () => {
      const guard = new WebhookTargetGuard(production, fakeResolver({ 'rebind.example': [v4('127.0.0.1')] }));
      const { error } = await lookup(guard, 'rebind.example', { all: true });
      expect(error).toBeInstanceOf(WebhookTargetRefusedError);
      expect(error?.message).toBe('rebind.example resolves to 127.0.0.1, a loopback address');
    });

    it('should answer every checked address when asked for all', async () => {
      const addresses = [v4('8.8.8.8'), v6('2606:4700:4700::1111')];
      const guard = new WebhookTargetGuard(production, fakeResolver({ 'hooks.example': addresses }));
      expect(await lookup(guard, 'hooks.example', { all: true })).toEqual({
        error: null,
        address: addresses,
        family: undefined,
      });
    });

    it('should answer the first address of the requested family when asked for one', async () => {
      const guard = new WebhookTargetGuard(
        production,
        fakeResolver({ 'hooks.example': [v4('8.8.8.8'), v6('2606:4700:4700::1111')] }),
      );
      expect(await lookup(guard, 'hooks.example', { family: 6 })).toEqual({
        error: null,
        address: '2606:4700:4700::1111',
        family: 6,
      });
    });

    it('should pass a resolution failure on', async () => {
      const guard = new WebhookTargetGuard(production, fakeResolver({}));
      const { error } = await lookup(guard, 'gone.example', {});
      expect(error?.code).toBe('ENOTFOUND');
    });
  });
});
