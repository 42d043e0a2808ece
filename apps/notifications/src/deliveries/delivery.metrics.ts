import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MetricsService } from '@bridges/platform';

/** The part of a prom-client gauge a `collect` callback uses. */
interface CollectingGauge {
  reset(): void;
  set(labels: Record<string, string>, value: number): void;
}

/**
 * Notifications' numbers on /metrics, read from the database when Prometheus scrapes (the committed
 * truth, the same on every instance): deliveries by channel and state (alert on a growing `retrying` or
 * any `dead`), the oldest due delivery's wait, and disabled webhook subscriptions.
 */
@Injectable()
export class DeliveryMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const db = this.dataSource;
    this.metrics.gauge({
      name: 'bridges_notifications_deliveries',
      help: 'Deliveries by channel and state (queued, sending, sent, retrying, failed, dead)',
      labelNames: ['channel', 'status'],
      collect: async function (this: CollectingGauge) {
        const rows = await db.query<Array<{ channel: string; status: string; n: number }>>(
          'SELECT channel, status, count(*)::int AS n FROM delivery GROUP BY channel, status',
        );
        this.reset();
        for (const { channel, status, n } of rows) this.set({ channel, status }, n);
      },
    });
    this.metrics.gauge({
      name: 'bridges_notifications_oldest_due_delivery_seconds',
      help: 'How long the oldest due (queued or retrying) delivery has waited past its attempt time; 0 when none',
      collect: async function (this: CollectingGauge) {
        const [row] = await db.query<Array<{ s: number | null }>>(
          `SELECT extract(epoch FROM now() - min(next_attempt_at))::float AS s FROM delivery
            WHERE status IN ('queued', 'retrying') AND next_attempt_at <= now()`,
        );
        this.set({}, Math.max(0, row?.s ?? 0));
      },
    });
    this.metrics.gauge({
      name: 'bridges_notifications_disabled_webhook_subscriptions',
      help: 'Webhook subscriptions disabled after repeated failures (or by an admin) and waiting to be re-enabled',
      collect: async function (this: CollectingGauge) {
        const [row] = await db.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM webhook_subscription WHERE disabled_at IS NOT NULL',
        );
        this.set({}, row?.n ?? 0);
      },
    });
  }
}
