import { MetricsService } from '../metrics/metrics.service';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessEvaluator } from './readiness.evaluator';
import { ReadinessRegistry } from './readiness.registry';

function evaluatorWith(...checks: ReadinessCheck[]): {
  evaluator: ReadinessEvaluator;
  metrics: MetricsService;
} {
  const registry = new ReadinessRegistry();
  checks.forEach((c) => registry.register(c));
  const metrics = new MetricsService();
  const evaluator = new ReadinessEvaluator(registry, metrics);
  evaluator.onModuleInit();
  return { evaluator, metrics };
}

const up = (name: string, details?: Record<string, unknown>): ReadinessCheck => ({
  name,
  check: () => Promise.resolve(details),
});
const down = (name: string, critical?: boolean): ReadinessCheck => ({
  name,
  critical,
  check: () => Promise.reject(new Error(`${name} unreachable`)),
});

describe(ReadinessEvaluator.name, () => {
  describe('evaluate', () => {
    it('should be ok with every check and its details under info when all pass', async () => {
      const { evaluator } = evaluatorWith(up('database'), {
        ...up('outbox', { backlog: 3 }),
        critical: false,
      });

      await expect(evaluator.evaluate()).resolves.toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, outbox: { status: 'up', backlog: 3 } },
        degraded: {},
        error: {},
      });
    });

    it('should be degraded, not error, when only a non-critical check fails', async () => {
      const { evaluator } = evaluatorWith(up('database'), down('kafka', false));

      const report = await evaluator.evaluate();

      expect(report.status).toBe('degraded');
      expect(report.degraded).toEqual({ kafka: { status: 'down', message: 'kafka unreachable' } });
      expect(report.error).toEqual({});
      expect(report.info).toEqual({ database: { status: 'up' } });
    });

    it('should be error when a check without the critical flag fails, since critical is the default', async () => {
      const { evaluator } = evaluatorWith(down('database'), down('kafka', false));

      const report = await evaluator.evaluate();

      expect(report.status).toBe('error');
      expect(Object.keys(report.error)).toEqual(['database']);
      expect(Object.keys(report.degraded)).toEqual(['kafka']);
    });
  });

  describe('bridges_dependency_up', () => {
    it('should expose each dependency as 1 or 0 with its criticality when scraped', async () => {
      const { metrics } = evaluatorWith(up('database'), down('kafka', false));

      const text = await metrics.registry.metrics();

      expect(text).toContain('bridges_dependency_up{dependency="database",critical="true"} 1');
      expect(text).toContain('bridges_dependency_up{dependency="kafka",critical="false"} 0');
    });
  });
});
