import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DeliveryChannel } from '@bridges/contracts';
import { EmailDeliveryError, EmailErrorCode, EmailSender } from '../channels/email';
import { NotificationsEnv } from '../config/notifications.env';
import { WebhookSender } from '../channels/webhook';
import { decideAfterFailedAttempt, recordAttemptOutcome } from '../webhooks';
import { WebhookSubscriptionEntity } from '../webhook-subscriptions/webhook-subscription.entity';
import { DeliveryErrorCode } from './deliveries.errors';
import { DeliveryEntity, DeliveryState } from './delivery.entity';
import { DeliveryQueue } from './delivery-queue.service';

/** How one attempt ended. */
type AttemptOutcome =
  | { kind: 'sent'; reference: string }
  | { kind: 'failed'; failure: 'transient' | 'permanent'; error: string }
  /** The webhook subscription is disabled: wait for an admin, without spending an attempt. */
  | { kind: 'parked'; error: string };

/** What a finished attempt does to its webhook subscription's health. */
type WebhookHealthUpdate = { subscriptionId: string; outcome: 'delivered' | 'failed' } | null;

/** An attempt whose outcome is waiting to be recorded. */
interface FinishedAttempt {
  row: DeliveryEntity;
  outcome: AttemptOutcome;
  health: WebhookHealthUpdate;
}

const WEBHOOK_DISABLED = 'WEBHOOK_SUBSCRIPTION_DISABLED';
/** A parked delivery is looked at again after this long (re-enabling wakes it at once). */
const PARK_MS = 24 * 60 * 60 * 1000;

/**
 * Sends queued deliveries. Each round claims due rows with `FOR UPDATE SKIP LOCKED` and marks them
 * `sending` with a lease (so several instances share the work and never send a row twice at once),
 * sends them outside any transaction, then records outcomes and appends `DeliveryStatusChangedV1` in
 * transactions of up to NOTIFICATIONS_FINISH_BATCH outcomes, each guarded by the attempt number so a
 * dispatcher whose lease expired cannot overwrite the outcome of the one that took over.
 *
 * At most once per lease, at least once overall: a crash after the SMTP server accepted a message but
 * before its outcome committed (at most NOTIFICATIONS_FINISH_BATCH sends are in that window) leaves
 * the row `sending`; when the lease expires it is sent again, once,
 * with the same Message-ID (`<delivery-id@notifications.bridges>`) so mail systems and people can
 * recognise the duplicate. Webhook receivers deduplicate on `Bridges-Event-Id`.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Tail of this instance's outcome flushes, which run one after the other. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: NotificationsEnv,
    private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
    private readonly email: EmailSender,
    private readonly webhooks: WebhookSender,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATIONS_DISPATCH_ENABLED) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: claims up to a batch of due deliveries and attempts each; returns how many were claimed. */
  async dispatchOnce(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const active = await this.activeRecipients(rows);
    const finished: FinishedAttempt[] = [];
    const concurrency = this.env.NOTIFICATIONS_DISPATCH_CONCURRENCY;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rows.length) {
        const row = rows[next++];
        try {
          finished.push(await this.attempt(row, active));
        } catch (error) {
          // The row stays `sending`; its lease expiring brings it back.
          this.logger.error(`delivery ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (finished.length >= this.env.NOTIFICATIONS_FINISH_BATCH) await this.flush(finished.splice(0));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    await this.flush(finished.splice(0));
    await this.flushing;
    return rows.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let claimed = 0;
    try {
      claimed = await this.dispatchOnce();
    } catch (error) {
      this.logger.warn(`dispatch round failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A full batch means more is probably due: go again at once.
    this.schedule(
      claimed >= this.env.NOTIFICATIONS_DISPATCH_BATCH ? 0 : this.env.NOTIFICATIONS_DISPATCH_INTERVAL_MS,
    );
  }

  private async claim(): Promise<DeliveryEntity[]> {
    const claimed: Array<{ id: string }> = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM delivery
          WHERE (status IN ('queued', 'retrying') AND next_attempt_at <= now())
             OR (status = 'sending' AND lease_expires_at < now())
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE delivery d
            SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
                lease_expires_at = now() + make_interval(secs => $2::double precision / 1000)
           FROM due WHERE d.id = due.id
         RETURNING d.id
       )
       SELECT id FROM claimed`,
      [this.env.NOTIFICATIONS_DISPATCH_BATCH, this.env.NOTIFICATIONS_SEND_LEASE_MS],
    );
    if (claimed.length === 0) return [];
    return this.dataSource.getRepository(DeliveryEntity).findBy({ id: In(claimed.map((c) => c.id)) });
  }

  /** Recipients of the claimed email rows that may still receive (one query per round). */
  private async activeRecipients(rows: readonly DeliveryEntity[]): Promise<Map<string, boolean>> {
    const ids = [
      ...new Set(rows.filter((r) => r.channel === DeliveryChannel.Email).map((r) => r.recipientId)),
    ];
    if (ids.length === 0) return new Map();
    const found = await this.dataSource.query<Array<{ id: string; active: boolean }>>(
      'SELECT id, active FROM recipient WHERE id = ANY($1)',
      [ids],
    );
    return new Map(found.map((r) => [r.id, r.active]));
  }

  private async attempt(row: DeliveryEntity, active: ReadonlyMap<string, boolean>): Promise<FinishedAttempt> {
    if (row.channel === DeliveryChannel.Email) {
      return { row, outcome: await this.sendEmail(row, active.get(row.recipientId)), health: null };
    }
    if (row.channel === DeliveryChannel.Webhook) {
      const outcome = await this.sendWebhook(row);
      const health: WebhookHealthUpdate =
        outcome.kind === 'parked' ||
        (outcome.kind === 'failed' && outcome.error === String(DeliveryErrorCode.SubscriptionGone))
          ? null
          : { subscriptionId: row.recipientId, outcome: outcome.kind === 'sent' ? 'delivered' : 'failed' };
      return { row, outcome, health };
    }
    return {
      row,
      outcome: { kind: 'failed', failure: 'permanent', error: `no sender for channel ${row.channel}` },
      health: null,
    };
  }

  /** `active` is the recipient's flag, undefined when the recipient no longer exists. */
  private async sendEmail(row: DeliveryEntity, active: boolean | undefined): Promise<AttemptOutcome> {
    if (!row.address || !row.body)
      return { kind: 'failed', failure: 'permanent', error: DeliveryErrorCode.RecipientErased };
    if (active === undefined)
      return { kind: 'failed', failure: 'permanent', error: DeliveryErrorCode.RecipientErased };
    if (!active) return { kind: 'failed', failure: 'permanent', error: DeliveryErrorCode.RecipientInactive };
    try {
      const result = await this.email.send({
        to: row.address,
        subject: row.subject ?? '',
        text: row.body,
        html: row.html ?? '',
        locale: row.locale ?? undefined,
        messageId: `<${row.id}@notifications.bridges>`,
        unsubscribeUrl: row.unsubscribeUrl ?? undefined,
        ...(row.attachments ? { attachments: row.attachments } : {}),
        headers: {
          'X-Bridges-Delivery-Id': row.id,
          'X-Bridges-Template': `${row.templateId}@${row.templateVersion ?? 0}`,
        },
      });
      return { kind: 'sent', reference: result.messageId };
    } catch (error) {
      // `lastError` is stored, published on notifications.delivery.v1 and shown by GET /deliveries:
      // codes only, never error text (an SMTP reply can quote the recipient's address).
      if (error instanceof EmailDeliveryError) {
        return { kind: 'failed', failure: error.kind, error: error.safeDescription };
      }
      this.logger.warn(`delivery ${row.id}: unexpected email failure`);
      return { kind: 'failed', failure: 'transient', error: EmailErrorCode.Unknown };
    }
  }

  private async sendWebhook(row: DeliveryEntity): Promise<AttemptOutcome> {
    const subscription = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .findOneBy({ id: row.recipientId });
    if (!subscription || !row.body)
      return { kind: 'failed', failure: 'permanent', error: DeliveryErrorCode.SubscriptionGone };
    if (subscription.disabledAt) return { kind: 'parked', error: WEBHOOK_DISABLED };
    const result = await this.webhooks.send({
      url: subscription.url,
      secret: subscription.secret,
      eventId: row.sourceEventId,
      eventType: row.sourceEventType,
      rawBody: row.body,
    });
    if (result.outcome === 'delivered')
      return { kind: 'sent', reference: `HTTP ${result.status ?? ''}`.trim() };
    return {
      kind: 'failed',
      failure: result.outcome,
      error: result.refused
        ? `WEBHOOK_TARGET_REFUSED: ${result.error ?? 'unknown'}`
        : result.status !== undefined
          ? `WEBHOOK_HTTP_${result.status}`
          : `WEBHOOK_NO_ANSWER: ${result.error ?? 'unknown'}`,
    };
  }

  /**
   * Records outcomes and publishes them in one transaction (a group commit: one fsync for many
   * deliveries), each guarded so that a row another dispatcher took over is left alone. Flushes of one
   * instance run one after the other; webhook subscriptions are locked in id order, so flushes of
   * several instances cannot deadlock.
   */
  private flush(batch: FinishedAttempt[]): Promise<void> {
    if (batch.length === 0) return this.flushing;
    const run = this.flushing.then(() => this.commit(batch));
    this.flushing = run.catch((error: unknown) =>
      // The rows stay `sending`; their leases expiring brings them back (the documented resend-once case).
      this.logger.error(
        `recording ${batch.length} outcomes failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return this.flushing;
  }

  private async commit(batch: readonly FinishedAttempt[]): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      for (const { row, outcome } of batch) {
        const change = this.nextState(row, outcome, now);
        const result = await manager
          .createQueryBuilder()
          .update(DeliveryEntity)
          .set({ ...change, leaseExpiresAt: null, updatedAt: now })
          .where('id = :id AND status = :sending AND attempts = :attempts', {
            id: row.id,
            sending: DeliveryState.Sending,
            attempts: row.attempts,
          })
          .execute();
        if (result.affected === 0) continue;
        Object.assign(row, change, { leaseExpiresAt: null, updatedAt: now });
        await this.queue.publishStatus(manager, row);
      }
      const health = batch
        .map((f) => f.health)
        .filter((h): h is NonNullable<WebhookHealthUpdate> => h !== null)
        .sort((a, b) =>
          a.subscriptionId < b.subscriptionId ? -1 : a.subscriptionId > b.subscriptionId ? 1 : 0,
        );
      for (const update of health) await this.recordHealth(manager, update, now);
    });
  }

  private nextState(row: DeliveryEntity, outcome: AttemptOutcome, now: Date): Partial<DeliveryEntity> {
    switch (outcome.kind) {
      case 'sent':
        return {
          status: DeliveryState.Sent,
          sentAt: now,
          providerReference: outcome.reference,
          lastError: null,
        };
      case 'parked':
        return {
          status: DeliveryState.Retrying,
          attempts: row.attempts - 1,
          nextAttemptAt: new Date(now.getTime() + PARK_MS),
          lastError: outcome.error,
        };
      case 'failed': {
        if (outcome.failure === 'permanent')
          return { status: DeliveryState.Failed, lastError: outcome.error };
        const decision = decideAfterFailedAttempt(row.attempts, 'transient', now, {
          baseDelayMs: this.env.NOTIFICATIONS_RETRY_BASE_MS,
          maxDelayMs: this.env.NOTIFICATIONS_RETRY_MAX_MS,
          maxAttempts: this.env.NOTIFICATIONS_MAX_ATTEMPTS,
        });
        return decision.action === 'retry'
          ? { status: DeliveryState.Retrying, nextAttemptAt: decision.at, lastError: outcome.error }
          : { status: DeliveryState.Dead, lastError: outcome.error };
      }
    }
  }

  private async recordHealth(
    manager: EntityManager,
    update: NonNullable<WebhookHealthUpdate>,
    now: Date,
  ): Promise<void> {
    const subscription = await manager.findOne(WebhookSubscriptionEntity, {
      where: { id: update.subscriptionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!subscription) return;
    const { health, justDisabled } = recordAttemptOutcome(
      subscription,
      update.outcome,
      now,
      this.env.NOTIFICATIONS_WEBHOOK_MAX_FAILURES,
    );
    await manager.update(WebhookSubscriptionEntity, { id: subscription.id }, health);
    if (justDisabled) {
      this.logger.warn(`webhook subscription ${subscription.id} disabled: ${health.disabledReason ?? ''}`);
    }
  }
}
