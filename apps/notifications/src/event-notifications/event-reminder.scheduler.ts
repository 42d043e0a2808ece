import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStatus } from '@bridges/contracts';
import { NotificationsEnv } from '../config/notifications.env';
import { EventNotificationsService } from './event-notifications.service';
import { EventProjectionEntity } from './event-projection.entity';

/** Events reminded per round; the soonest first. */
const MAX_EVENTS_PER_ROUND = 100;

/**
 * Reminds confirmed participants `NOTIFICATIONS_EVENT_REMINDER_LEAD_HOURS` before an event starts. Each
 * instance claims due events with SKIP LOCKED and marks the start it reminded of in the same transaction
 * as the reminder rows, so any number of instances remind each start once.
 */
@Injectable()
export class EventReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventReminderScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly env: NotificationsEnv,
    private readonly dataSource: DataSource,
    private readonly notifications: EventNotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATIONS_DISPATCH_ENABLED) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Reminds the participants of every event due at `now`; returns how many events were reminded. */
  async remindDue(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const horizon = new Date(now.getTime() + this.env.NOTIFICATIONS_EVENT_REMINDER_LEAD_HOURS * 3_600_000);
      const due = await manager
        .getRepository(EventProjectionEntity)
        .createQueryBuilder('e')
        .where('e.status IN (:...statuses)', {
          statuses: [EventStatus.Published, EventStatus.RegistrationClosed],
        })
        .andWhere('e.starts_at > :now AND e.starts_at <= :horizon', { now, horizon })
        .andWhere('e.reminded_starts_at IS DISTINCT FROM e.starts_at')
        .orderBy('e.starts_at')
        .limit(MAX_EVENTS_PER_ROUND)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const event of due) {
        await this.notifications.remind(manager, event, now);
        await manager.update(
          EventProjectionEntity,
          { eventId: event.eventId },
          { remindedStartsAt: event.startsAt },
        );
      }
      return due.length;
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.remindDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(
            `reminder round failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => this.schedule());
    }, this.env.NOTIFICATIONS_EVENT_REMINDER_INTERVAL_MS);
  }
}
