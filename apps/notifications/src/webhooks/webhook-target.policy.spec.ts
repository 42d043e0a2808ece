import {
  addressRange,
  checkResolvedAddress,
  checkWebhookUrl,
  parseAddressRange,
  webhookTargetPolicyFor,
} from './webhook-target.policy';

const production = webhookTargetPolicyFor({ production: true });
const development = webhookTargetPolicyFor({ production: false });
const check = (url: string, policy = production) => checkWebhookUrl(new URL(url), policy);

describe(webhookTargetPolicyFor.name, () => {
  it('should require https to public addresses when production', () => {
    expect(production).toMatchObject({ requireHttps: true, publicAddressesOnly: true });
  });

  it('should allow http and every address when development or test', () => {
    expect(development).toMatchObject({ requireHttps: false, publicAddressesOnly: false });
  });

  it('should throw when an allowed CIDR is malformed', () => {
    expect(() => webhookTargetPolicyFor({ production: true, allowedCidrs: ['10.0.0.0/33'] })).toThrow();
    expect(() => webhookTargetPolicyFor({ production: true, allowedCidrs: ['intranet'] })).toThrow();
  });
});

describe(parseAddressRange.name, () => {
  it('should read a single address as a one-address range', () => {
    expect(parseAddressRange('10.1.2.3')[1]).toBe(32);
    expect(parseAddressRange('fd00::1')[1]).toBe(128);
  });

  it('should refuse the shorthand IPv4 forms a typo produces', () => {
    expect(() => parseAddressRange('10.1')).toThrow(/neither a CIDR nor an IP address/);
  });
});

describe(checkWebhookUrl.name, () => {
  describe('when production', () => {
    // Every way of writing an internal address in a URL; the WHATWG parser normalises the IPv4 forms
    // (decimal, hex, octal, short) to dotted quads before the policy sees them.
    it.each([
      ['https://127.0.0.1/hook', 'a loopback'],
      ['https://127.0.0.2:8443/hook', 'a loopback'],
      ['https://2130706433/hook', '127.0.0.1, a loopback'],
      ['https://0x7f000001/hook', '127.0.0.1, a loopback'],
      ['https://0x7f.1/hook', '127.0.0.1, a loopback'],
      ['https://017700000001/hook', '127.0.0.1, a loopback'],
      ['https://127.1/hook', '127.0.0.1, a loopback'],
      ['https://localhost/hook', 'loopback name'],
      ['https://LOCALHOST./hook', 'loopback name'],
      ['https://api.localhost/hook', 'loopback name'],
      ['https://0.0.0.0/hook', 'unspecified'],
      ['https://169.254.169.254/latest/meta-data', 'link-local'],
      ['https://10.0.0.1/hook', 'private'],
      ['https://172.16.5.4/hook', 'private'],
      ['https://192.168.1.10/hook', 'private'],
      ['https://100.64.0.1/hook', 'carrier-grade NAT'],
      ['https://224.0.0.1/hook', 'multicast'],
      ['https://255.255.255.255/hook', 'broadcast'],
      ['https://240.0.0.1/hook', 'reserved'],
      ['https://192.0.2.1/hook', 'reserved'],
      ['https://[::1]/hook', '::1, a loopback'],
      ['https://[::]/hook', 'unspecified'],
      ['https://[0:0:0:0:0:0:0:1]/hook', '::1, a loopback'],
      ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1, a loopback'],
      ['https://[::ffff:a9fe:a9fe]/hook', 'link-local'],
      ['https://[::ffff:10.0.0.1]/hook', 'private'],
      ['https://[::127.0.0.1]/hook', 'IPv4-compatible'],
      ['https://[fe80::1]/hook', 'link-local'],
      ['https://[fc00::1]/hook', 'unique local'],
      ['https://[fd12:3456::1]/hook', 'unique local'],
      ['https://[ff02::1]/hook', 'multicast'],
      ['https://[64:ff9b::a00:1]/hook', 'NAT64'],
      ['https://[2001:db8::1]/hook', 'reserved'],
    ])('should refuse %s', (url, reason) => {
      const verdict = check(url);
      expect(verdict.allowed).toBe(false);
      expect(verdict.allowed ? '' : verdict.reason).toContain(reason);
    });

    it.each([
      'https://8.8.8.8/hook',
      'https://[2606:4700:4700::1111]/hook',
      'https://[::ffff:8.8.8.8]/hook',
      'https://hooks.association.example/bridges',
    ])('should allow %s (a public address, or a name checked when resolved)', (url) => {
      expect(check(url)).toEqual({ allowed: true });
    });

    it('should refuse http even to a public address', () => {
      expect(check('http://8.8.8.8/hook')).toEqual({ allowed: false, reason: 'must use https' });
    });

    it('should allow an internal address when it is in an allowed range', () => {
      const policy = webhookTargetPolicyFor({ production: true, allowedCidrs: ['10.20.0.0/16', 'fd00::/8'] });
      expect(check('https://10.20.3.4/hook', policy)).toEqual({ allowed: true });
      expect(check('https://[::ffff:10.20.3.4]/hook', policy)).toEqual({ allowed: true });
      expect(check('https://[fd00::5]/hook', policy)).toEqual({ allowed: true });
      expect(check('https://10.21.0.1/hook', policy).allowed).toBe(false);
      expect(check('https://127.0.0.1/hook', policy).allowed).toBe(false);
    });

    it('should allow an allowed host by name but still require https', () => {
      const policy = webhookTargetPolicyFor({ production: true, allowedHosts: ['Hooks.Intranet.Example'] });
      expect(check('https://hooks.intranet.example/x', policy)).toEqual({ allowed: true });
      expect(check('http://hooks.intranet.example/x', policy)).toEqual({
        allowed: false,
        reason: 'must use https',
      });
    });
  });

  describe('when development or test', () => {
    it.each([
      'http://127.0.0.1:3003/hook',
      'http://localhost:8080/hook',
      'http://[::1]:8080/hook',
      'http://10.0.0.1/hook',
      'https://169.254.169.254/',
    ])('should allow %s (local receivers)', (url) => {
      expect(check(url, development)).toEqual({ allowed: true });
    });
  });

  it('should refuse a scheme other than http and https in every mode', () => {
    expect(check('ftp://8.8.8.8/hook', development).allowed).toBe(false);
    expect(check('file:///etc/passwd', production).allowed).toBe(false);
  });
});

describe(checkResolvedAddress.name, () => {
  it('should name the host and the kind of address when refusing one', () => {
    expect(checkResolvedAddress('rebind.example', '127.0.0.1', production)).toEqual({
      allowed: false,
      reason: 'rebind.example resolves to 127.0.0.1, a loopback address',
    });
  });

  it('should allow a public address', () => {
    expect(checkResolvedAddress('hooks.example', '2606:4700:4700::1111', production)).toEqual({
      allowed: true,
    });
  });

  it('should allow any address of an allowed host', () => {
    const policy = webhookTargetPolicyFor({ production: true, allowedHosts: ['hooks.intranet.example'] });
    expect(checkResolvedAddress('hooks.intranet.example.', '10.1.1.1', policy)).toEqual({ allowed: true });
    expect(checkResolvedAddress('other.intranet.example', '10.1.1.1', policy).allowed).toBe(false);
  });

  it('should allow every address outside production', () => {
    expect(checkResolvedAddress('localhost', '127.0.0.1', development)).toEqual({ allowed: true });
  });
});

describe(addressRange.name, () => {
  it('should judge IPv4 inside IPv6 as IPv4', () => {
    expect(addressRange('::ffff:169.254.169.254')).toBe('linkLocal');
    expect(addressRange('::ffff:8.8.8.8')).toBe('unicast');
  });
});
