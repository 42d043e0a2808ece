import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MatchingEnv } from '../config/matching.env';
import { MatchingRoundEntity } from './matching-round.entity';
import { RoundRunner } from './round.runner';

/**
 * Every instance polls for a round to claim: a `requested` one, or a `running` one whose claimant stopped
 * renewing its lease (crashed). The claim is one UPDATE over `FOR UPDATE SKIP LOCKED`, so two instances
 * never claim the same attempt; {@link RoundRunner} writes results only while the attempt is still its own.
 */
@Injectable()
export class RoundWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoundWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: RoundRunner,
    private readonly env: MatchingEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs at most one round; resolves false when none was waiting. */
  async runOnce(): Promise<boolean> {
    const round = await this.claim();
    if (!round) return false;
    this.logger.log(`Claimed round ${round.id} (attempt ${round.attempt}) of campaign ${round.campaignId}`);
    await this.runner.run(round);
    return true;
  }

  private schedule(delay = this.env.MATCHING_ROUND_POLL_INTERVAL_MS): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().then(
        (claimed) => this.schedule(claimed ? 0 : undefined),
        (error: unknown) => {
          this.logger.warn(`Round poll failed: ${String(error)}`);
          this.schedule();
        },
      );
    }, delay);
  }

  private async claim(): Promise<MatchingRoundEntity | undefined> {
    const [rows] = await this.dataSource.query<
      [{ id: string; campaign_id: string; attempt: number }[], number]
    >(
      `UPDATE matching_round
          SET status = 'running', claimed_by = $1, attempt = attempt + 1, phase = 'candidates', done = 0, total = 0,
              lease_expires_at = now() + ($2::int * interval '1 millisecond'), started_at = coalesce(started_at, now())
        WHERE id = (SELECT id FROM matching_round
                     WHERE status = 'requested' OR (status = 'running' AND lease_expires_at < now())
                     ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, campaign_id, attempt`,
      [this.env.MATCHING_INSTANCE_ID, this.env.MATCHING_ROUND_LEASE_MS],
    );
    const row = rows[0];
    if (!row) return undefined;
    return this.dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: row.id });
  }
}
