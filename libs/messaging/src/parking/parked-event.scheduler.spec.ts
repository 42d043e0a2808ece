import { Logger } from '@nestjs/common';
import { waitUntil } from '@bridges/testing';
import type { MessagingOptions } from '../messaging.options';
import type { ParkedEventRepository, ParkingStats } from './parked-event.repository';
import { ParkedEventScheduler } from './parked-event.scheduler';

const options = (consumer: MessagingOptions['consumer']): MessagingOptions => ({
  brokers: ['127.0.0.1:9092'],
  clientId: 'test',
  serviceName: 'test',
  consumerGroupId: 'bridges-test',
  consumer,
});

function schedulerWith(stats: ParkingStats, consumer: MessagingOptions['consumer'] = {}) {
  const repository = { stats: jest.fn().mockResolvedValue(stats) } as unknown as ParkedEventRepository;
  return { scheduler: new ParkedEventScheduler(repository, options(consumer)), repository };
}

const nothingParked: ParkingStats = { parked: 0, oldestAgeSeconds: 0, oldest: null };

describe(ParkedEventScheduler.name, () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  describe('wake', () => {
    it('should resume keys reported before the start at the start, and later ones as they come', async () => {
      const { scheduler } = schedulerWith(nothingParked, { parkedRetryIntervalMs: 60_000 });
      const runs: (string | null)[] = [];
      scheduler.wake(['municipality:a']);
      scheduler.start('bridges-test', (key) => {
        runs.push(key);
        return Promise.resolve();
      });
      await waitUntil(() => runs.length === 2, 2_000, 'the first runs');
      scheduler.wake(['municipality:b', 'municipality:c']);
      await waitUntil(() => runs.length === 4, 2_000, 'the later runs');
      await scheduler.stop();
      // Arrivals first, then the first periodic retry (null).
      expect(runs).toEqual(['municipality:a', null, 'municipality:b', 'municipality:c']);
    });

    it('should keep working after a run fails, leaving that key to the periodic retry', async () => {
      const { scheduler } = schedulerWith(nothingParked, { parkedRetryIntervalMs: 60_000 });
      const runs: (string | null)[] = [];
      scheduler.start('bridges-test', (key) => {
        runs.push(key);
        return key === 'municipality:a' ? Promise.reject(new Error('database down')) : Promise.resolve();
      });
      scheduler.wake(['municipality:a', 'municipality:b']);
      await waitUntil(() => runs.includes('municipality:b'), 2_000, 'the next key');
      await scheduler.stop();
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('waiting for municipality:a failed: database down'),
      );
    });
  });

  describe('periodic retry', () => {
    it('should warn with what waits and what to do when the oldest parked event is overdue', async () => {
      const { scheduler } = schedulerWith(
        {
          parked: 3,
          oldestAgeSeconds: 1_200,
          oldest: {
            eventId: 'e-1',
            eventType: 'matching.proposal.proposed.v1',
            dependencyKey: 'municipality:a',
            topic: 'matching.proposal.v1',
          },
        },
        { parkedAlertAfterMs: 900_000 },
      );
      scheduler.start('bridges-test', () => Promise.resolve());
      await scheduler.stop();
      expect(warn).toHaveBeenCalledTimes(1);
      const [line] = warn.mock.calls[0] as [string];
      expect(line).toContain('3 event(s) of bridges-test are parked, the oldest for 1200 s');
      expect(line).toContain(
        'matching.proposal.proposed.v1 e-1 on matching.proposal.v1, waiting for municipality:a',
      );
      expect(line).toContain('check that its producer published it');
    });

    it('should not warn while the oldest parked event is within the threshold', async () => {
      const { scheduler } = schedulerWith(
        {
          parked: 1,
          oldestAgeSeconds: 60,
          oldest: { eventId: 'e-1', eventType: 't', dependencyKey: 'k', topic: 'x' },
        },
        { parkedAlertAfterMs: 900_000 },
      );
      scheduler.start('bridges-test', () => Promise.resolve());
      await scheduler.stop();
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
