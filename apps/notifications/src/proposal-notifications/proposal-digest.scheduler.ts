import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { planProposalDigests, type PendingProposalNotification } from '../digest';
import { RecipientEntity } from '../directory/recipient.entity';
import { RecipientPreferencesService } from '../recipient-preferences/recipient-preferences.service';
import type { ProposalsDigestData } from '../templates';
import { PendingProposalEntity } from './pending-proposal.entity';
import { DIGEST_PLANNER_LOCK } from './digest-planner.lock';
import { DIGEST_TEMPLATE, ProposalDigestComposer } from './proposal-digest.composer';
import { ProposalOutcomesService } from './proposal-outcomes.service';
/** Rows looked at per round; the oldest first, so nothing starves. */
const MAX_PENDING_PER_ROUND = 5_000;

type PendingRow = PendingProposalNotification & { entity: PendingProposalEntity };

/**
 * Turns proposals waiting per recipient into digest emails when each recipient's window closes
 * (immediate, hourly, daily: their preference). One instance plans at a time (advisory lock); the
 * digest id is derived from the rows it settles, so a crash between planning and commit re-plans the
 * same digest and the delivery's unique key keeps it to one email.
 */
@Injectable()
export class ProposalDigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProposalDigestScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly env: NotificationsEnv,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryQueue,
    private readonly preferences: RecipientPreferencesService,
    private readonly composer: ProposalDigestComposer,
    private readonly outcomes: ProposalOutcomesService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATIONS_DISPATCH_ENABLED) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Plans and queues every digest due at `now`; returns how many were queued. */
  async flushDue(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [DIGEST_PLANNER_LOCK],
      );
      if (!locked) return 0;
      const pending = await manager.find(PendingProposalEntity, {
        where: { digestedAt: IsNull() },
        order: { createdAt: 'ASC' },
        take: MAX_PENDING_PER_ROUND,
      });
      if (pending.length === 0) return 0;
      // Proposals decided, withdrawn or partnered since they were queued never reach a digest; the rows
      // say why. A recipient left with nothing gets no digest at all.
      const closed = await this.outcomes.closedRows(manager, pending);
      for (const [id, reason] of closed)
        await manager.update(PendingProposalEntity, { id }, { digestedAt: now, droppedReason: reason });
      if (closed.size > 0)
        this.logger.log(`left ${closed.size} decided or withdrawn proposals out of digests`);
      const open = pending.filter((row) => !closed.has(row.id));
      if (open.length === 0) return 0;
      const frequencies = await this.preferences.frequencies(manager, [
        ...new Set(open.map((p) => p.recipientId)),
      ]);
      const rows: PendingRow[] = open.map((entity) => ({
        id: entity.id,
        recipientId: entity.recipientId,
        proposalId: entity.proposalId,
        createdAt: entity.createdAt,
        score: entity.score,
        entity,
      }));
      const plan = planProposalDigests(rows, {
        now,
        frequencyOf: (recipientId) => frequencies.get(recipientId) ?? 'immediate',
        dailyHourUtc: this.env.NOTIFICATIONS_DIGEST_DAILY_HOUR_UTC,
        immediateDelayMs: this.env.NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS,
      });
      let queued = 0;
      for (const digest of plan.due) {
        const recipient = await manager.findOneBy(RecipientEntity, { id: digest.recipientId });
        if (
          recipient &&
          (await this.queueDigest(manager, recipient, digest.digestId, digest.items, now)) === 'queued'
        )
          queued++;
        await manager.update(
          PendingProposalEntity,
          { id: In(digest.consumedIds) },
          { digestedAt: now, digestId: digest.digestId },
        );
      }
      return queued;
    });
  }

  private async queueDigest(
    manager: EntityManager,
    recipient: RecipientEntity,
    digestId: string,
    items: PendingRow[],
    now: Date,
  ): Promise<string> {
    const source: SourceEvent = {
      id: `digest:${digestId}`,
      type: 'notifications.proposals-digest',
      correlationId: null,
      time: now.toISOString(),
      subject: recipient.id,
    };
    const data = this.composer.data(
      recipient,
      items[0].entity.audience,
      items.map((row) => row.entity.item),
    );
    const locale = await this.composer.locale(manager, recipient);
    return this.deliveries.enqueueEmail<ProposalsDigestData>(
      manager,
      source,
      recipient,
      DIGEST_TEMPLATE,
      data,
      locale,
    );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.flushDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`digest round failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => this.schedule());
    }, this.env.NOTIFICATIONS_DIGEST_INTERVAL_MS);
  }
}
