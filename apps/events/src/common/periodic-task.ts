import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep every instance runs on its own timer (what it does must be safe on all instances at once).
 * The next run is scheduled only after the previous one finished, and shutdown waits for a running one.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  /** Milliseconds between runs; 0 switches the task off. */
  protected abstract intervalMs(): number;

  /** One run; returns how many things it did (for the log). */
  abstract runOnce(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.intervalMs() > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().then(
        () => this.schedule(),
        (error: unknown) => {
          this.logger.warn(`${this.constructor.name} failed: ${String(error)}`);
          this.schedule();
        },
      );
    }, this.intervalMs());
  }
}
