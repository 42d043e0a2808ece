import { portFromEnv, selectDevServices } from './dev-services';

describe(portFromEnv.name, () => {
  it("should keep the README's port when no START_<NAME>_PORT is set", () => {
    expect(portFromEnv('registry', 3001, {})).toBe(3001);
  });

  it('should move a port when START_<NAME>_PORT names another, e.g. beside a running npm start', () => {
    expect(portFromEnv('mail', 8025, { START_MAIL_PORT: '38025' })).toBe(38025);
  });

  it.each(['0', '70000', 'eighty', '80.5'])('should refuse "%s", naming the variable', (raw) => {
    expect(() => portFromEnv('smtp', 1025, { START_SMTP_PORT: raw })).toThrow(/START_SMTP_PORT/);
  });
});

describe(selectDevServices.name, () => {
  it('should start every service, in start order, when START_SERVICES is not set', () => {
    expect(selectDevServices({}).map((s) => s.name)).toEqual([
      'registry',
      'matching',
      'notifications',
      'events',
      'logistics',
    ]);
  });

  it('should start only the services START_SERVICES names, and none for "none"', () => {
    expect(selectDevServices({ START_SERVICES: 'matching, registry' }).map((s) => s.name)).toEqual([
      'registry',
      'matching',
    ]);
    expect(selectDevServices({ START_SERVICES: 'none' })).toEqual([]);
  });

  it('should refuse an unknown service name, listing the known ones', () => {
    expect(() => selectDevServices({ START_SERVICES: 'registry,billing' })).toThrow(
      /unknown services: billing \(known: registry, matching/,
    );
  });
});
