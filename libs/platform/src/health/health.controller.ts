import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { ReadinessEvaluator, type ReadinessReport } from './readiness.evaluator';

/** Kubernetes probes. Anonymous: they carry no data and kubelets hold no tokens. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessEvaluator,
  ) {}

  /** Liveness: the process serves HTTP. Deliberately checks no dependency (a DB outage must not restart pods). */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness probe' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness: can this instance do its job? 503 only when a critical dependency (the database) fails;
   * a failing non-critical one (Kafka, while the outbox holds events) is 200 with `status: degraded`
   * and the failure under `degraded`, so an outage of the broker does not take the API offline.
   */
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness probe: 503 when a critical dependency (database) fails; 200 "degraded" when only others (Kafka) do',
  })
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    if (report.status === 'error') throw new ServiceUnavailableException(report);
    return report;
  }
}
