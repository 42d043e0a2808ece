import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { ReadinessRegistry } from './readiness.registry';

/** How long one readiness check may take before it counts as down. */
export const READINESS_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Kubernetes probes. Anonymous: they carry no data and kubelets hold no tokens. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** Liveness: the process serves HTTP. Deliberately checks no dependency (a DB outage must not restart pods). */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness probe' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: every registered dependency answers (503 with per-check details otherwise). */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness probe: database, Kafka and other registered checks' })
  ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = this.readiness.list().map((c) => async () => {
      const session = this.indicators.check(c.name);
      try {
        await withTimeout(c.check(), READINESS_TIMEOUT_MS);
        return session.up();
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.health.check(checks);
  }
}
