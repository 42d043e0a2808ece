import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicTask } from '../common/periodic-task';
import { EventsEnv } from '../config/events.env';
import { RegistrationsService } from './registrations.service';

/**
 * Expires seat offers whose deadline passed and offers the seats on, every
 * `EVENTS_OFFER_SWEEP_INTERVAL_MS`, on every instance: each event is handled under its row lock and
 * re-read there, so an offer expires once however many instances sweep.
 */
@Injectable()
export class OfferExpiryWorker extends PeriodicTask {
  protected readonly logger = new Logger(OfferExpiryWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly env: EventsEnv,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.env.EVENTS_OFFER_SWEEP_INTERVAL_MS;
  }

  async runOnce(now = new Date()): Promise<number> {
    const events = await this.dataSource.query<{ eventId: string }[]>(
      `SELECT DISTINCT event_id AS "eventId" FROM participant WHERE status = 'offered' AND offer_expires_at <= $1`,
      [now],
    );
    let expired = 0;
    for (const { eventId } of events) expired += await this.registrations.expireOffers(eventId, now);
    if (expired > 0) this.logger.log(`Expired ${expired} seat offer(s); the seats were offered on`);
    return expired;
  }
}
