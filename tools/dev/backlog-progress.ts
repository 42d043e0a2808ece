/**
 * The arithmetic and wording of `npm start`'s wait for the services to catch up with the seed's
 * backlog (see backlog-watch.ts): no I/O here, so it is unit-tested on its own.
 */

/** One service's work still to do, as read from Kafka and from its database. */
export interface ServiceBacklog {
  readonly service: string;
  /** Records on the topics it consumes that its consumer group has not committed yet. */
  readonly consumerLag: number;
  /** Events committed to its outbox and not yet published to Kafka. */
  readonly outbox: number;
}

export interface BacklogSnapshot {
  readonly readings: readonly ServiceBacklog[];
  /** Records and events still to do, all services together. */
  readonly pending: number;
  /** 0..1: how much of the largest backlog seen so far is done. */
  readonly fraction: number;
  /** True once nothing was pending in `settleReadings` readings in a row. */
  readonly caughtUp: boolean;
}

export const pendingOf = (b: ServiceBacklog): number => b.consumerLag + b.outbox;

/**
 * Turns successive readings into progress. The backlog grows while it is worked off (matching's
 * proposals become notifications' input), so the largest total seen is the whole. One empty reading
 * is not enough: between a consumer's commit and the outbox row it wrote, or between a publish and
 * the next consumer's fetch, everything can read 0 for a moment.
 */
export class BacklogProgress {
  private peak = 0;
  private emptyInARow = 0;

  constructor(private readonly settleReadings = 2) {}

  record(readings: readonly ServiceBacklog[]): BacklogSnapshot {
    const pending = readings.reduce((n, b) => n + pendingOf(b), 0);
    this.peak = Math.max(this.peak, pending);
    this.emptyInARow = pending === 0 ? this.emptyInARow + 1 : 0;
    return {
      readings,
      pending,
      fraction: this.peak === 0 ? 1 : 1 - pending / this.peak,
      caughtUp: this.emptyInARow >= this.settleReadings,
    };
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/** `48 s`, `3 min 05 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** `matching 1,204 (lag 1,170, outbox 34)` for each service with work left, or `all caught up`. */
export function formatBehind(readings: readonly ServiceBacklog[]): string {
  const behind = readings.filter((b) => pendingOf(b) > 0);
  if (behind.length === 0) return 'all caught up';
  return behind
    .map((b) => {
      const parts = [
        b.consumerLag > 0 ? `lag ${count(b.consumerLag)}` : '',
        b.outbox > 0 ? `outbox ${count(b.outbox)}` : '',
      ].filter(Boolean);
      return `${b.service} ${count(pendingOf(b))} (${parts.join(', ')})`;
    })
    .join(' · ');
}

/** `[#########-----------]  45%  matching 1,204 (lag 1,170, outbox 34) · 48 s` */
export function formatProgressLine(snapshot: BacklogSnapshot, elapsedMs: number, barWidth = 20): string {
  const fraction = Math.min(1, Math.max(0, snapshot.fraction));
  const done = Math.floor(fraction * barWidth);
  const bar = `[${'#'.repeat(done)}${'-'.repeat(barWidth - done)}]`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${bar} ${percent}  ${formatBehind(snapshot.readings)} · ${formatDuration(elapsedMs)}`;
}

/**
 * What is still behind when the wait gives up, one line per service, in words a newcomer reads:
 * `matching: 1,170 records not consumed yet, 34 events not published yet`.
 */
export function describeBehind(readings: readonly ServiceBacklog[]): string[] {
  return readings
    .filter((b) => pendingOf(b) > 0)
    .map((b) => {
      const parts = [
        b.consumerLag > 0 ? `${count(b.consumerLag)} records not consumed yet` : '',
        b.outbox > 0 ? `${count(b.outbox)} events not published yet` : '',
      ].filter(Boolean);
      return `${b.service}: ${parts.join(', ')}`;
    });
}
