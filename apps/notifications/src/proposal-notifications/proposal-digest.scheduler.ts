import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { planProposalDigests, type PendingProposalNotification } from '../digest';
import { chooseRecipientLocale } from '../directory/recipient-locale.policy';
import { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import { RecipientEntity } from '../directory/recipient.entity';
import { RecipientPreferencesService } from '../recipient-preferences/recipient-preferences.service';
import { TemplateRegistry, type ProposalsDigestData } from '../templates';
import { PendingProposalEntity } from './pending-proposal.entity';

const DIGEST_TEMPLATE = 'matching.proposals-digest';
/** pg advisory lock key: one planner at a time across instances ("ntfdigst" in ASCII). */
const PLANNER_LOCK = 0x6e746664;
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
    private readonly templates: TemplateRegistry,
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
        [PLANNER_LOCK],
      );
      if (!locked) return 0;
      const pending = await manager.find(PendingProposalEntity, {
        where: { digestedAt: IsNull() },
        order: { createdAt: 'ASC' },
        take: MAX_PENDING_PER_ROUND,
      });
      if (pending.length === 0) return 0;
      const frequencies = await this.preferences.frequencies(manager, [
        ...new Set(pending.map((p) => p.recipientId)),
      ]);
      const rows: PendingRow[] = pending.map((entity) => ({
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
        await manager.update(PendingProposalEntity, { id: In(digest.consumedIds) }, { digestedAt: now });
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
    const country = recipient.municipalityId
      ? (await manager.findOneBy(MunicipalityDirectoryEntity, { municipalityId: recipient.municipalityId }))
          ?.country
      : null;
    const data: Omit<ProposalsDigestData, 'unsubscribeUrl'> = {
      audience: items[0].entity.audience,
      proposals: items.map((row) => row.entity.item),
      ...(recipient.name ? { recipientName: recipient.name } : {}),
      ...(this.env.CONSOLE_BASE_URL
        ? { reviewAllUrl: new URL('matching/proposals', withSlash(this.env.CONSOLE_BASE_URL)).toString() }
        : {}),
    };
    const locale = chooseRecipientLocale(
      recipient.preferredLanguage,
      country ?? null,
      this.templates.get(DIGEST_TEMPLATE).locales,
    );
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

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
