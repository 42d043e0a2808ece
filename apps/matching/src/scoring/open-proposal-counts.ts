import { popularityFactor } from './scoring-factors';

/**
 * How many open proposals already name each EU municipality of a prepared pool (by pool row), and the
 * popularity factor that follows from it. The pool carries the counts its profiles brought; a query may
 * pass its own, live counts instead (incremental matching reads them from the open proposals of the
 * campaign) without touching the shared pool. Rows not set have none.
 */
export class OpenProposalCounts {
  /** {@link popularityFactor} per pool row, read by the scorer's hot loop. */
  readonly popularity: Float64Array;
  private readonly counts = new Map<number, number>();

  constructor(size: number) {
    this.popularity = new Float64Array(size).fill(popularityFactor(0));
  }

  /** Counts by pool row; rows out of range or counts not above zero are ignored. */
  static of(size: number, rows: Iterable<readonly [row: number, count: number]>): OpenProposalCounts {
    const counts = new OpenProposalCounts(size);
    for (const [row, count] of rows) if (row >= 0 && row < size) counts.set(row, count);
    return counts;
  }

  set(row: number, count: number): void {
    const n = Math.max(0, count);
    this.popularity[row] = popularityFactor(n);
    if (n > 0) this.counts.set(row, n);
    else this.counts.delete(row);
  }

  of(row: number): number {
    return this.counts.get(row) ?? 0;
  }
}
