import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AidRequestReminderDueV1Event } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { outboxPublisher } from '../common/publish-fn';
import { LogisticsEnv } from '../config/logistics.env';
import { AidRequestEntity } from './aid-request.entity';
import { AidRequestsService } from './aid-requests.service';

/** Requests reminded per transaction: a backlog is worked through in bounded steps. */
const BATCH = 50;

/**
 * Reminds partners of requests open (or partly pledged) longer than LOGISTICS_STALE_REQUEST_DAYS, and again
 * after each further such period. Runs on every instance: a batch is claimed with `FOR UPDATE SKIP LOCKED`
 * and marked `reminded_at` in the transaction that appends the reminder events, so each request is
 * reminded once per period whichever instance finds it, and a crash mid-batch reminds nobody twice.
 */
@Injectable()
export class StaleRequestReminder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StaleRequestReminder.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly requests: AidRequestsService,
    private readonly env: LogisticsEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.LOGISTICS_REMINDER_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.remindDue().catch((error: unknown) => this.logger.warn(`reminders failed: ${String(error)}`));
    }, this.env.LOGISTICS_REMINDER_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Reminds one batch of due requests; returns their ids. */
  remindDue(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[{ id: string }[], number]>(
        `UPDATE aid_request SET reminded_at = now()
          WHERE id IN (SELECT id FROM aid_request
                        WHERE status IN ('open', 'partly-pledged')
                          AND published_at < now() - make_interval(days => $1)
                          AND (reminded_at IS NULL OR reminded_at < now() - make_interval(days => $1))
                        ORDER BY published_at, id LIMIT $2
                          FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [this.env.LOGISTICS_STALE_REQUEST_DAYS, BATCH],
      );
      const publish = outboxPublisher(this.outbox, manager);
      for (const { id } of rows) {
        const request = await manager.findOneByOrFail(AidRequestEntity, { id });
        const open = (await this.requests.linesOf(manager, id)).filter((l) => l.pledged < l.quantity);
        await publish(AidRequestReminderDueV1Event, {
          requestId: id,
          hromadaId: request.hromadaId,
          title: request.title,
          urgency: request.urgency,
          publishedAt: (request.publishedAt ?? request.createdAt).toISOString(),
          partnerIds: await this.requests.partnersOf(manager, request),
          lines: open.map((l) => ({
            lineId: l.id,
            item: l.item,
            category: l.category,
            unit: l.unit,
            quantity: l.quantity - l.pledged,
          })),
          remindedAt: (request.remindedAt ?? new Date()).toISOString(),
        });
      }
      return rows.map((r) => r.id);
    });
  }
}
