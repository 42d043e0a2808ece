import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@bridges/messaging';
import type { CampaignEntity } from '../campaigns/campaign.entity';
import { outboxPublisher } from '../common/publish-fn';
import { MatchingEnv } from '../config/matching.env';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { EuPoolCache } from './eu-pool.cache';
import { activeCampaigns, IncrementalMatchingService } from './incremental-matching.service';

/** Hromadas one instance backfills at the same time. */
const BACKFILL_CONCURRENCY = 3;

/**
 * Proposes for hromadas that seek a partner but have no open proposal in an active campaign and no
 * partnership: those registered before the EU pool existed (the registry seed order), before a campaign
 * was created, or whose proposals were all declined or withdrawn. Safe on every instance at once: each
 * hromada is handled under its row lock (SKIP LOCKED) and re-checked inside that transaction, and the
 * open-pair index stays the last word. A hromada for which nothing could be proposed is not retried
 * until the EU pool changes.
 */
@Injectable()
export class BackfillWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BackfillWorker.name);
  private readonly fruitless = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: IncrementalMatchingService,
    private readonly pool: EuPoolCache,
    private readonly outbox: OutboxWriter,
    private readonly env: MatchingEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MATCHING_BACKFILL_INTERVAL_MS > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep over every active campaign; returns how many proposals it made. */
  async sweepOnce(): Promise<number> {
    const { signature } = await this.pool.get(this.dataSource.manager);
    let proposed = 0;
    for (const campaign of await activeCampaigns(this.dataSource.manager)) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        `SELECT h.municipality_id AS id FROM municipality_projection h
          WHERE h.kind = 'hromada' AND h.active AND h.seeking_partner
            AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.hromada_id = h.municipality_id AND p.campaign_id = $1 AND p.status = 'open')
            AND NOT EXISTS (SELECT 1 FROM partnership s WHERE s.hromada_id = h.municipality_id AND s.status <> 'ended')
          ORDER BY h.municipality_id`,
        [campaign.id],
      );
      // A few hromadas at a time: each is one short transaction, mostly waiting on the database.
      const queue = rows.map((r) => r.id);
      const work = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined && !this.stopped; id = queue.shift()) {
          // Await first: `proposed += await …` would read `proposed` before the other workers' additions.
          const made = await this.backfillOne(campaign, id, signature);
          proposed += made;
        }
      };
      await Promise.all(Array.from({ length: BACKFILL_CONCURRENCY }, work));
    }
    if (proposed > 0)
      this.logger.log(`Backfill proposed ${proposed} match(es) for hromadas that had none open`);
    return proposed;
  }

  private async backfillOne(campaign: CampaignEntity, id: string, signature: string): Promise<number> {
    const key = `${campaign.id}|${id}`;
    if (this.fruitless.get(key) === signature) return 0;
    const created = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(MunicipalityProjectionEntity, {
        where: { municipalityId: id },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (!row) return null; // another instance (or the consumer) holds it right now
      const open = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM proposal WHERE hromada_id = $1 AND campaign_id = $2 AND status = 'open'`,
        [id, campaign.id],
      );
      if (open[0].n > 0) return null;
      return this.matching.proposeInCampaign(manager, outboxPublisher(this.outbox, manager), row, campaign);
    });
    if (created === null) return 0;
    if (created.length === 0) this.fruitless.set(key, signature);
    return created.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepOnce().then(
        () => this.schedule(),
        (error: unknown) => {
          this.logger.warn(`Backfill sweep failed: ${String(error)}`);
          this.schedule();
        },
      );
    }, this.env.MATCHING_BACKFILL_INTERVAL_MS);
  }
}
