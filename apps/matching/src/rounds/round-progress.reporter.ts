import type { RoundProgress } from '../assignment/round-progress';

/**
 * Writes a running round's progress (which also renews its lease) as the worker thread reports it:
 * one write at a time, always the latest progress, none skipped at the end. The first failed write
 * (e.g. the claim was lost) stops further writes and is handed to `onFailure`, and to whoever awaits
 * {@link flush}.
 */
export class RoundProgressReporter {
  private pending?: RoundProgress;
  private writing?: Promise<void>;
  private failure?: { error: unknown };

  constructor(
    private readonly write: (progress: RoundProgress) => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  report(progress: RoundProgress): void {
    if (this.failure) return;
    this.pending = progress;
    this.writing ??= this.drain();
  }

  /** Resolves once every reported progress is written; throws the write failure, if any. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure.error;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending && !this.failure) {
        const progress = this.pending;
        this.pending = undefined;
        await this.write(progress);
      }
    } catch (error) {
      this.failure = { error };
      this.onFailure(error);
    } finally {
      this.writing = undefined;
    }
  }
}
