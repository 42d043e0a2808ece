import {
  BacklogProgress,
  describeBehind,
  formatDuration,
  formatProgressLine,
  type ServiceBacklog,
} from './backlog-progress';

const backlog = (service: string, consumerLag: number, outbox = 0): ServiceBacklog => ({
  service,
  consumerLag,
  outbox,
});

describe(BacklogProgress.name, () => {
  it('should measure progress against the largest backlog seen, also when it grew after the first reading', () => {
    const progress = new BacklogProgress();

    expect(progress.record([backlog('matching', 100)]).fraction).toBe(0);
    // matching's proposals become notifications' input: the whole grows to 400.
    expect(progress.record([backlog('matching', 100), backlog('notifications', 300)]).fraction).toBe(0);
    const later = progress.record([backlog('matching', 0), backlog('notifications', 100, 0)]);

    expect(later.pending).toBe(100);
    expect(later.fraction).toBe(0.75);
    expect(later.caughtUp).toBe(false);
  });

  it('should count the outbox as backlog as well as the consumer lag', () => {
    expect(new BacklogProgress().record([backlog('registry', 0, 7)]).pending).toBe(7);
  });

  it('should call it caught up only after two empty readings in a row', () => {
    const progress = new BacklogProgress();
    progress.record([backlog('matching', 5)]);

    expect(progress.record([backlog('matching', 0)]).caughtUp).toBe(false);
    // Work that appeared between two readings starts the count again.
    expect(progress.record([backlog('notifications', 0, 3)]).caughtUp).toBe(false);
    expect(progress.record([backlog('notifications', 0)]).caughtUp).toBe(false);
    const done = progress.record([backlog('notifications', 0)]);

    expect(done).toMatchObject({ caughtUp: true, fraction: 1, pending: 0 });
  });

  it('should report complete progress when there never was a backlog', () => {
    expect(new BacklogProgress().record([]).fraction).toBe(1);
  });
});

describe(formatProgressLine.name, () => {
  it('should draw the bar and name only the services with work left', () => {
    const snapshot = new BacklogProgress().record([
      backlog('registry', 0),
      backlog('matching', 1170, 34),
      backlog('notifications', 410),
    ]);

    expect(formatProgressLine({ ...snapshot, fraction: 0.45 }, 48_000, 10)).toBe(
      '[####------]  45%  matching 1,204 (lag 1,170, outbox 34) · notifications 410 (lag 410) · 48 s',
    );
  });

  it('should say all caught up with a full bar when nothing is pending', () => {
    expect(formatProgressLine(new BacklogProgress().record([backlog('matching', 0)]), 0, 4)).toBe(
      '[####] 100%  all caught up · 0 s',
    );
  });
});

describe(formatDuration.name, () => {
  it.each([
    [400, '0 s'],
    [48_200, '48 s'],
    [185_000, '3 min 05 s'],
  ])('should show %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe(describeBehind.name, () => {
  it('should say per service what is not consumed or not published yet, leaving out services that caught up', () => {
    expect(
      describeBehind([backlog('registry', 0), backlog('matching', 1170, 34), backlog('events', 0, 2)]),
    ).toEqual([
      'matching: 1,170 records not consumed yet, 34 events not published yet',
      'events: 2 events not published yet',
    ]);
  });
});
