import { ReadinessRegistry } from './readiness.registry';

describe(ReadinessRegistry.name, () => {
  const ok = (name: string) => ({ name, check: () => Promise.resolve() });

  describe('register', () => {
    it('should list checks in registration order when several are added', () => {
      const registry = new ReadinessRegistry();
      registry.register(ok('database'));
      registry.register(ok('kafka'));

      expect(registry.list().map((c) => c.name)).toEqual(['database', 'kafka']);
    });

    it('should replace a check when the same name is registered again', () => {
      const registry = new ReadinessRegistry();
      const second = ok('kafka');
      registry.register(ok('kafka'));
      registry.register(second);

      expect(registry.list()).toEqual([second]);
    });
  });

  describe('unregister', () => {
    it('should drop the check when it is unregistered', () => {
      const registry = new ReadinessRegistry();
      registry.register(ok('kafka'));
      registry.unregister('kafka');

      expect(registry.list()).toEqual([]);
    });
  });
});
