/**
 * `npm start` waits here after the seeds until every service has worked off its backlog, showing
 * progress: one line redrawn in place on a terminal, a line every few seconds otherwise (CI, a pipe).
 */
import {
  BacklogProgress,
  formatBehind,
  formatProgressLine,
  type BacklogSnapshot,
  type ServiceBacklog,
} from './backlog-progress';

export interface BacklogWaitOptions {
  /** One reading of every service's backlog. */
  read: () => Promise<readonly ServiceBacklog[]>;
  /** Where progress goes; redrawn in place when it is a terminal. */
  out: { readonly isTTY?: boolean; write(text: string): unknown };
  /** Prefix of every line (`[bridges] `). */
  prefix?: string;
  intervalMs?: number;
  /** Give up after this long and say what is still behind. */
  timeoutMs?: number;
  /** Without a terminal: one progress line this often. */
  reportEveryMs?: number;
  /** Checked between readings: true ends the wait early (npm start is stopping). */
  cancelled?: () => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BacklogWaitOutcome {
  readonly outcome: 'caught-up' | 'timed-out' | 'cancelled';
  readonly elapsedMs: number;
  /** The last successful reading. */
  readonly last: readonly ServiceBacklog[];
}

export async function waitForBacklog(options: BacklogWaitOptions): Promise<BacklogWaitOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const reportEveryMs = options.reportEveryMs ?? 10_000;
  const prefix = options.prefix ?? '';
  const tty = options.out.isTTY === true;
  const started = now();
  const progress = new BacklogProgress();
  let last: readonly ServiceBacklog[] = [];
  let lastReportAt = -Infinity;
  let drawn = false;

  const show = (line: string, force = false) => {
    if (tty) {
      options.out.write(`\r${prefix}${line}\x1b[K`);
      drawn = true;
    } else if (force || now() - lastReportAt >= reportEveryMs) {
      options.out.write(`${prefix}${line}\n`);
      lastReportAt = now();
    }
  };
  const finish = (outcome: BacklogWaitOutcome['outcome']): BacklogWaitOutcome => {
    if (drawn) options.out.write('\n');
    return { outcome, elapsedMs: now() - started, last };
  };

  for (;;) {
    if (options.cancelled?.()) return finish('cancelled');
    let snapshot: BacklogSnapshot | undefined;
    try {
      last = await options.read();
      snapshot = progress.record(last);
    } catch (error) {
      // A broker or database blip: say so and read again, the deadline still holds.
      show(
        `could not read the backlog (${error instanceof Error ? error.message : String(error)}); retrying`,
      );
    }
    if (snapshot) {
      show(formatProgressLine(snapshot, now() - started), snapshot.caughtUp);
      if (snapshot.caughtUp) return finish('caught-up');
    }
    if (now() - started >= timeoutMs) {
      if (!tty) show(`still behind: ${formatBehind(last)}`, true);
      return finish('timed-out');
    }
    await sleep(intervalMs);
  }
}
