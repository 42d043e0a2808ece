import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';

/** Seconds buckets for HTTP latency: fine below 100 ms where the API lives, coarse up to 10 s. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus registry (one per app, not prom-client's global, so several apps can live in
 * one test process). Other libs inject it to add their series, e.g. the messaging lib's consumer lag:
 * `metrics.gauge({ name: 'bridges_consumer_lag', help: '…', labelNames: ['topic', 'partition'] })`.
 * The get-or-create methods return the existing metric when the name is already registered.
 */
@Injectable()
export class MetricsService {
  /** The registry `/metrics` exposes. */
  readonly registry = new Registry();

  /** Request duration by method, route template and status code. */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
    });
  }

  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return this.getOrCreate(config.name, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return this.getOrCreate(config.name, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return this.getOrCreate(config.name, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  /** Prometheus text exposition of every registered metric. */
  async render(): Promise<string> {
    return this.registry.metrics();
  }

  private getOrCreate<M extends Metric>(name: string, create: () => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create();
  }
}
