import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MetricsService } from '@bridges/platform';

interface StatusCount {
  status: string;
  n: number;
}

/**
 * Logistics' own numbers on /metrics, read from the database at scrape (the committed truth, the same on
 * every instance): requests, pledges and shipments by status, and flagged pledges awaiting a decision.
 */
@Injectable()
export class LogisticsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.byStatus('bridges_logistics_aid_requests', 'Aid requests by status', 'aid_request');
    this.byStatus('bridges_logistics_pledges', 'Pledges by status (active, shipped, withdrawn)', 'pledge');
    this.byStatus('bridges_logistics_shipments', 'Shipments by status', 'shipment');
    this.byStatus(
      'bridges_logistics_flagged_pledges',
      'Open pledges flagged because their partnership went dormant or ended',
      'pledge',
      `WHERE status = 'active' AND flagged_partnership_status IS NOT NULL`,
    );
  }

  private byStatus(
    name: string,
    help: string,
    table: 'aid_request' | 'pledge' | 'shipment',
    where = '',
  ): void {
    const read = (): Promise<StatusCount[]> =>
      this.dataSource.query<StatusCount[]>(
        `SELECT status, count(*)::int AS n FROM ${table} ${where} GROUP BY status`,
      );
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
