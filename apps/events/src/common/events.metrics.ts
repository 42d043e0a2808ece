import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MetricsService } from '@bridges/platform';

interface StatusCount {
  status: string;
  n: number;
}

/**
 * The events service's numbers on /metrics, read from the database at scrape (the committed truth, the
 * same on every instance): events and participants by status, and offers past their deadline that no sweep
 * has expired yet (should stay at 0; growing means the sweep is not running).
 */
@Injectable()
export class EventsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.byStatus(
      'bridges_events_events',
      'Events by status',
      `SELECT status, count(*)::int AS n FROM event GROUP BY status`,
    );
    this.byStatus(
      'bridges_events_participants',
      'Participants by seat status (pending, confirmed, waitlisted, offered, …)',
      `SELECT status, count(*)::int AS n FROM participant GROUP BY status`,
    );
    this.byStatus(
      'bridges_events_overdue_offers',
      'Seat offers past their deadline not yet expired by the sweep',
      `SELECT 'overdue' AS status, count(*)::int AS n FROM participant WHERE status = 'offered' AND offer_expires_at < now()`,
    );
  }

  private byStatus(name: string, help: string, sql: string): void {
    const read = (): Promise<StatusCount[]> => this.dataSource.query<StatusCount[]>(sql);
    this.metrics.gauge({
      name,
      help,
      labelNames: ['status'],
      collect: async function (this: {
        reset(): void;
        set(labels: Record<string, string>, v: number): void;
      }) {
        const rows = await read();
        this.reset();
        for (const { status, n } of rows) this.set({ status }, n);
      },
    });
  }
}
