import type { ServiceBacklog } from './backlog-progress';
import { waitForBacklog, type BacklogWaitOptions } from './backlog-watch';

/** A clock that advances only when the wait sleeps, and readings taken from a script. */
function scripted(readings: (readonly ServiceBacklog[] | Error)[], tty: boolean) {
  let clock = 0;
  let next = 0;
  const written: string[] = [];
  const options: BacklogWaitOptions = {
    read: () => {
      const reading = readings[Math.min(next++, readings.length - 1)];
      return reading instanceof Error ? Promise.reject(reading) : Promise.resolve(reading);
    },
    out: { isTTY: tty, write: (text: string) => written.push(text) },
    prefix: '[bridges] ',
    intervalMs: 1000,
    reportEveryMs: 5000,
    timeoutMs: 60_000,
    now: () => clock,
    sleep: (ms) => {
      clock += ms;
      return Promise.resolve();
    },
  };
  return { options, written, readCount: () => next };
}

const matching = (lag: number): ServiceBacklog[] => [{ service: 'matching', consumerLag: lag, outbox: 0 }];

describe(waitForBacklog.name, () => {
  it('should redraw one line in place on a terminal until every service has caught up', async () => {
    const { options, written } = scripted([matching(10), matching(4), matching(0), matching(0)], true);

    const result = await waitForBacklog(options);

    expect(result).toMatchObject({ outcome: 'caught-up', elapsedMs: 3000 });
    expect(written).toEqual([
      '\r[bridges] [--------------------]   0%  matching 10 (lag 10) · 0 s\x1b[K',
      '\r[bridges] [############--------]  60%  matching 4 (lag 4) · 1 s\x1b[K',
      '\r[bridges] [####################] 100%  all caught up · 2 s\x1b[K',
      '\r[bridges] [####################] 100%  all caught up · 3 s\x1b[K',
      '\n',
    ]);
  });

  it('should print a line every few seconds, and the final one, when the output is not a terminal', async () => {
    const readings = [
      ...Array.from({ length: 8 }, (_, i) => matching(80 - i * 10)),
      matching(0),
      matching(0),
    ];
    const { options, written } = scripted(readings, false);

    await waitForBacklog(options);

    expect(written).toEqual([
      '[bridges] [--------------------]   0%  matching 80 (lag 80) · 0 s\n',
      '[bridges] [############--------]  62%  matching 30 (lag 30) · 5 s\n',
      '[bridges] [####################] 100%  all caught up · 9 s\n',
    ]);
  });

  it('should give up after the timeout and hand back what is still behind', async () => {
    const { options, written } = scripted([matching(10)], false);

    const result = await waitForBacklog({ ...options, timeoutMs: 10_000 });

    expect(result).toMatchObject({ outcome: 'timed-out', elapsedMs: 10_000, last: matching(10) });
    expect(written.at(-1)).toBe('[bridges] still behind: matching 10 (lag 10)\n');
  });

  it('should read again when a reading fails, and still catch up', async () => {
    const { options } = scripted([new Error('broker away'), matching(0), matching(0)], false);

    await expect(waitForBacklog(options)).resolves.toMatchObject({ outcome: 'caught-up' });
  });

  it('should stop waiting without another reading once cancelled', async () => {
    let cancelled = false;
    const { options, readCount } = scripted([matching(5)], false);
    const read = options.read;

    const result = await waitForBacklog({
      ...options,
      read: async () => {
        cancelled = true;
        return read();
      },
      cancelled: () => cancelled,
    });

    expect(result.outcome).toBe('cancelled');
    expect(readCount()).toBe(1);
  });
});
