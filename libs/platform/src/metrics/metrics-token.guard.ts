import { timingSafeEqual } from 'node:crypto';
import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { BaseEnv } from '../config/base.env';

/**
 * Protects /metrics with the static scrape credential METRICS_TOKEN (Prometheus `authorization`
 * in the scrape config). Without METRICS_TOKEN — only possible outside production — /metrics is open.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@Inject(BaseEnv) env: BaseEnv) {
    this.expected = env.METRICS_TOKEN ? Buffer.from(`Bearer ${env.METRICS_TOKEN}`) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const given = Buffer.from(context.switchToHttp().getRequest<Request>().headers.authorization ?? '');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new UnauthorizedException(
      'Metrics require the scrape token: send "Authorization: Bearer <METRICS_TOKEN>"',
    );
  }
}
