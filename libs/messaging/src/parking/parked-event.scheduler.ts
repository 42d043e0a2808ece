import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_CONSUMER_OPTIONS,
  MESSAGING_OPTIONS,
  type EventConsumerOptions,
  type MessagingOptions,
} from '../messaging.options';
import { ParkedEventRepository } from './parked-event.repository';

/** Resumes what waits for one dependency key, or (null) every aggregate due for the periodic retry. */
export type ResumeRun = (dependencyKey: string | null) => Promise<void>;

/**
 * When parked events are resumed: at once when a handler reported their dependency arrived (after its
 * commit), and every `parkedRetryIntervalMs` as a safety net. One worker per instance runs these one
 * after another, off the consumer's partitions, so a burst of arrivals never stalls consumption. It also
 * warns, with what to do, while anything has waited longer than `parkedAlertAfterMs`.
 */
@Injectable()
export class ParkedEventScheduler {
  private readonly logger = new Logger(ParkedEventScheduler.name);
  private readonly options: EventConsumerOptions;
  private readonly pending = new Set<string>();
  private run?: ResumeRun;
  private consumerGroup = '';
  private sweepDue = false;
  private worker: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly parked: ParkedEventRepository,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...messaging.consumer };
  }

  /** Starts resuming for a consumer group; arrivals reported before are resumed now, with a first sweep. */
  start(consumerGroup: string, run: ResumeRun): void {
    this.consumerGroup = consumerGroup;
    this.run = run;
    this.sweepDue = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.run = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.worker;
  }

  /** Dependencies that arrived (committed): resume what waits for them. */
  wake(dependencyKeys: readonly string[]): void {
    if (dependencyKeys.length === 0) return;
    for (const key of dependencyKeys) this.pending.add(key);
    this.kick();
  }

  private kick(): void {
    if (this.worker || !this.run) return;
    this.worker = this.work().finally(() => {
      this.worker = null;
      if (this.run && (this.pending.size > 0 || this.sweepDue)) this.kick();
      else this.scheduleSweep();
    });
  }

  private async work(): Promise<void> {
    while (this.run && (this.pending.size > 0 || this.sweepDue)) {
      const [key] = this.pending;
      if (key !== undefined) this.pending.delete(key);
      else this.sweepDue = false;
      try {
        await this.run(key ?? null);
        if (key === undefined) await this.warnIfOverdue();
      } catch (error) {
        // The periodic retry picks up whatever this run left.
        this.logger.warn(
          `Resuming parked events${key ? ` waiting for ${key}` : ''} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private scheduleSweep(): void {
    if (this.timer || !this.run) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweepDue = true;
      this.kick();
    }, this.options.parkedRetryIntervalMs);
    this.timer.unref();
  }

  private async warnIfOverdue(): Promise<void> {
    const stats = await this.parked.stats(this.consumerGroup);
    if (!stats.oldest || stats.oldestAgeSeconds * 1000 < this.options.parkedAlertAfterMs) return;
    const { oldest } = stats;
    this.logger.warn(
      `${stats.parked} event(s) of ${this.consumerGroup} are parked, the oldest for ${Math.round(stats.oldestAgeSeconds)} s ` +
        `(${oldest.eventType} ${oldest.eventId} on ${oldest.topic}, waiting for ${oldest.dependencyKey ?? 'earlier events of its aggregate'}). ` +
        `They resume on their own when the event providing the dependency is consumed: check that its producer published it ` +
        `(its outbox backlog, its topic's .dlq, this service's consumer lag); see libs/messaging/README.md, "Parked events".`,
    );
  }
}
