import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessRegistry } from './readiness.registry';

/** How long one readiness check may take before it counts as down. */
export const READINESS_TIMEOUT_MS = 3_000;

/** One check's outcome, as shown in the report. */
export type CheckOutcome = { status: 'up' } & Record<string, unknown>;
export type CheckFailure = { status: 'down'; message: string };

/**
 * `ok`: every check passes. `degraded`: only non-critical checks fail; the service does its job
 * (ready, 200). `error`: a critical check fails; the service cannot (not ready, 503).
 */
export interface ReadinessReport {
  status: 'ok' | 'degraded' | 'error';
  /** Passing checks, with their details. */
  info: Record<string, CheckOutcome>;
  /** Failing non-critical checks. */
  degraded: Record<string, CheckFailure>;
  /** Failing critical checks. */
  error: Record<string, CheckFailure>;
  /** Every check. */
  details: Record<string, CheckOutcome | CheckFailure>;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function run(check: ReadinessCheck): Promise<CheckOutcome | CheckFailure> {
  try {
    const details = await withTimeout(check.check(), READINESS_TIMEOUT_MS);
    return { ...(details ?? {}), status: 'up' };
  } catch (error) {
    return { status: 'down', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs the registered checks (concurrently, each with a timeout) into a {@link ReadinessReport}, for
 * /health/ready and for the `bridges_dependency_up{dependency,critical}` gauge, so a degraded
 * dependency is visible to Prometheus and alerts even though the pod stays ready.
 */
@Injectable()
export class ReadinessEvaluator implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const evaluate = () => this.evaluate();
    const registry = this.registry;
    this.metrics.gauge({
      name: 'bridges_dependency_up',
      help: 'Whether a dependency answers its readiness check (1) or not (0); critical="false" ones only degrade the service',
      labelNames: ['dependency', 'critical'],
      collect: async function (this: { set(labels: Record<string, string>, v: number): void }) {
        const report = await evaluate();
        for (const check of registry.list()) {
          this.set(
            { dependency: check.name, critical: String(check.critical !== false) },
            report.details[check.name]?.status === 'up' ? 1 : 0,
          );
        }
      },
    });
  }

  async evaluate(): Promise<ReadinessReport> {
    const checks = this.registry.list();
    const outcomes = await Promise.all(checks.map(run));
    const report: ReadinessReport = { status: 'ok', info: {}, degraded: {}, error: {}, details: {} };
    checks.forEach((check, i) => {
      const outcome = outcomes[i];
      report.details[check.name] = outcome;
      if (outcome.status === 'up') report.info[check.name] = outcome;
      else if (check.critical === false) report.degraded[check.name] = outcome;
      else report.error[check.name] = outcome;
    });
    if (Object.keys(report.error).length > 0) report.status = 'error';
    else if (Object.keys(report.degraded).length > 0) report.status = 'degraded';
    return report;
  }
}
