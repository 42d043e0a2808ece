import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MetricsService } from '@bridges/platform';

/** One row of a `status → count` query. */
interface StatusCount {
  status: string;
  n: number;
}

/**
 * Matching's own numbers on /metrics, read from the database when Prometheus scrapes (so they are the
 * committed truth, the same on every instance): proposals, partnerships and rounds by status. Consumer lag
 * and outbox backlog, what an operator scales on, come from the messaging lib.
 */
@Injectable()
export class MatchingMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.byStatus(
      'bridges_matching_proposals',
      'Proposals by status (open, accepted, declined, withdrawn)',
      'proposal',
    );
    this.byStatus('bridges_matching_partnerships', 'Partnerships by lifecycle status', 'partnership');
    this.byStatus(
      'bridges_matching_rounds',
      'Global rounds by status (requested, running, completed, failed)',
      'matching_round',
    );
  }

  private byStatus(name: string, help: string, table: 'proposal' | 'partnership' | 'matching_round'): void {
    const read = (): Promise<StatusCount[]> =>
      this.dataSource.query<StatusCount[]>(`SELECT status, count(*)::int AS n FROM ${table} GROUP BY status`);
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
