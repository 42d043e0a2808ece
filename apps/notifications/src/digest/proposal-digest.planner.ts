import { createHash } from 'node:crypto';
import type { DigestFrequency } from './digest-frequency';

/** One proposal waiting to be told to one recipient. Extra fields (the template data) ride along. */
export interface PendingProposalNotification {
  /** Id of the pending row, so the caller can mark exactly these rows as digested. */
  id: string;
  recipientId: string;
  proposalId: string;
  /** When it was queued; drives which digest window it falls in. */
  createdAt: Date;
  /** Overall match score in [0, 1]; best proposals come first in the email. */
  score: number;
}

/** One email to send: a recipient's pending proposals, best first. */
export interface DigestBatch<T extends PendingProposalNotification> {
  /**
   * Deterministic id from recipient, frequency and the rows included: planning twice over the same rows
   * (a crash before marking them) yields the same id, which the delivery log uses to send it only once.
   */
  digestId: string;
  recipientId: string;
  frequency: DigestFrequency;
  /** When the digest became due (end of the window of its oldest item). */
  dueAt: Date;
  /** Proposals to show, one per proposal id (the newest row wins), ordered by score. */
  items: T[];
  /** Every pending row this digest settles, including older duplicates of the same proposal. */
  consumedIds: string[];
}

export interface DigestPlan<T extends PendingProposalNotification> {
  /** Digests to send now, ordered by recipient id then due time. */
  due: Array<DigestBatch<T>>;
  /** Earliest time a not-yet-due digest becomes due; null when nothing waits. Set a timer for it. */
  nextDueAt: Date | null;
}

export interface DigestPlanOptions {
  now: Date;
  /** The recipient's preferred frequency (from preferences). */
  frequencyOf: (recipientId: string) => DigestFrequency;
  /** UTC hour at which daily digests go out. Default 6 (08:00 in Kyiv in winter). */
  dailyHourUtc?: number;
  /** Wait this long after the first proposal before an `immediate` digest, so a burst from one matching run lands in one email. Default 0. */
  immediateDelayMs?: number;
  /** Longer digests are split into several emails of at most this many proposals. Default 20. */
  maxItemsPerDigest?: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When the window that `createdAt` falls into closes: `immediate` after the optional delay, `hourly` at
 * the next top of the hour (UTC), `daily` at the next `dailyHourUtc`:00 UTC. Boundaries belong to the
 * next window, so an item queued exactly at 10:00 waits for 11:00.
 */
export function digestDueAt(
  createdAt: Date,
  frequency: DigestFrequency,
  options: Pick<DigestPlanOptions, 'dailyHourUtc' | 'immediateDelayMs'> = {},
): Date {
  const t = createdAt.getTime();
  switch (frequency) {
    case 'immediate':
      return new Date(t + (options.immediateDelayMs ?? 0));
    case 'hourly':
      return new Date(Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS);
    case 'daily': {
      const hour = options.dailyHourUtc ?? 6;
      if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        throw new RangeError(`dailyHourUtc must be 0..23, got ${hour}`);
      const sendToday = Math.floor(t / DAY_MS) * DAY_MS + hour * HOUR_MS;
      return new Date(t < sendToday ? sendToday : sendToday + DAY_MS);
    }
  }
}

/**
 * Groups pending proposal notifications into one digest per recipient. Pure and deterministic: the same
 * rows, preferences and clock give the same digests, in the same order, with the same ids.
 *
 * A recipient's digest is due once the window of their oldest pending row has closed; it then takes
 * every row queued up to `now`, so nobody gets two digests in a row. Rows are never lost: each pending
 * row is either in a due digest's `consumedIds` or still waiting (counted in `nextDueAt`).
 */
export function planProposalDigests<T extends PendingProposalNotification>(
  pending: readonly T[],
  options: DigestPlanOptions,
): DigestPlan<T> {
  const now = options.now.getTime();
  const maxItems = options.maxItemsPerDigest ?? 20;
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new RangeError('maxItemsPerDigest must be >= 1');

  const byRecipient = new Map<string, T[]>();
  for (const row of pending) {
    // Rows stamped in the future (clock skew between instances) wait until their time has come.
    if (row.createdAt.getTime() > now) continue;
    const rows = byRecipient.get(row.recipientId) ?? [];
    rows.push(row);
    byRecipient.set(row.recipientId, rows);
  }
  const future = pending.filter((row) => row.createdAt.getTime() > now);

  const due: Array<DigestBatch<T>> = [];
  let nextDueAt: number | null = null;
  const later = (at: number) => (nextDueAt = nextDueAt === null ? at : Math.min(nextDueAt, at));

  for (const recipientId of [...byRecipient.keys()].sort()) {
    const rows = byRecipient.get(recipientId)!;
    const frequency = options.frequencyOf(recipientId);
    const oldest = Math.min(...rows.map((row) => row.createdAt.getTime()));
    const dueAt = digestDueAt(new Date(oldest), frequency, options).getTime();
    if (dueAt > now) {
      later(dueAt);
      continue;
    }
    const items = newestPerProposal(rows).sort(byScoreThenAge);
    for (let start = 0; start < items.length; start += maxItems) {
      const chunk = items.slice(start, start + maxItems);
      const chunkProposals = new Set(chunk.map((item) => item.proposalId));
      const consumedIds = rows
        .filter((row) => chunkProposals.has(row.proposalId))
        .map((row) => row.id)
        .sort();
      due.push({
        digestId: digestIdOf(recipientId, frequency, consumedIds),
        recipientId,
        frequency,
        dueAt: new Date(dueAt),
        items: chunk,
        consumedIds,
      });
    }
  }
  for (const row of future)
    later(digestDueAt(row.createdAt, options.frequencyOf(row.recipientId), options).getTime());

  return { due, nextDueAt: nextDueAt === null ? null : new Date(nextDueAt) };
}

/** A re-scored proposal queued twice is shown once, with its latest data. */
function newestPerProposal<T extends PendingProposalNotification>(rows: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const row of rows) {
    const seen = newest.get(row.proposalId);
    if (
      !seen ||
      row.createdAt.getTime() > seen.createdAt.getTime() ||
      (row.createdAt.getTime() === seen.createdAt.getTime() && row.id > seen.id)
    ) {
      newest.set(row.proposalId, row);
    }
  }
  return [...newest.values()];
}

function byScoreThenAge(a: PendingProposalNotification, b: PendingProposalNotification): number {
  return (
    b.score - a.score ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0)
  );
}

function digestIdOf(recipientId: string, frequency: DigestFrequency, consumedIds: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([recipientId, frequency, consumedIds]))
    .digest('hex')
    .slice(0, 32);
}
