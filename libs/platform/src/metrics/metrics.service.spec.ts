import { MetricsService } from './metrics.service';

describe(MetricsService.name, () => {
  describe('gauge', () => {
    it('should return the same gauge when a name is registered twice', () => {
      const metrics = new MetricsService();
      const config = { name: 'bridges_outbox_backlog', help: 'Unpublished outbox rows' };

      expect(metrics.gauge(config)).toBe(metrics.gauge(config));
    });
  });

  describe('render', () => {
    it('should expose default process metrics and registered series when rendered', async () => {
      const metrics = new MetricsService();
      metrics
        .counter({
          name: 'bridges_dlq_messages_total',
          help: 'Messages sent to a DLQ',
          labelNames: ['topic'],
        })
        .inc({
          topic: 'registry.municipality.v1',
        });

      const text = await metrics.render();

      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('bridges_dlq_messages_total{topic="registry.municipality.v1"} 1');
    });

    it('should keep two apps apart when both live in one process', async () => {
      const a = new MetricsService();
      const b = new MetricsService();
      a.counter({ name: 'only_in_a_total', help: 'x' }).inc();

      expect(await b.render()).not.toContain('only_in_a_total');
    });
  });
});
