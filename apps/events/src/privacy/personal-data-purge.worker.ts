import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { ParticipantPersonalDataErasedV1Event, PersonalDataErasureReason } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { PeriodicTask } from '../common/periodic-task';
import { outboxPublisher } from '../common/publish-fn';
import { EventsEnv } from '../config/events.env';
import { EventEntity } from '../events/event.entity';
import { personalDataErased } from '../registrations/participant-events';
import { ParticipantEntity } from '../registrations/participant.entity';
import { RegistrationEntity } from '../registrations/registration.entity';
import { erasedPersonalData } from '../registrations/registrations.service';

/**
 * Privacy retention: `EVENTS_PERSONAL_DATA_RETENTION_DAYS` after an event ended, its participants' and
 * guardians' personal data and the delegations' contacts are erased (statuses, countries, delegations and
 * check-in times stay, so attendance counts survive). Each event is claimed with SKIP LOCKED, so instances
 * share the work and none waits on an event being registered for. Each participant not erased before is
 * announced (`personal-data-erased`, ids only) in the same transaction, so consumers erase their copies.
 */
@Injectable()
export class PersonalDataPurgeWorker extends PeriodicTask {
  protected readonly logger = new Logger(PersonalDataPurgeWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: EventsEnv,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.env.EVENTS_PURGE_INTERVAL_MS;
  }

  async runOnce(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.env.EVENTS_PERSONAL_DATA_RETENTION_DAYS * 86_400_000);
    let purged = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [event] = await manager.query<{ id: string }[]>(
          `SELECT id FROM event WHERE ends_at < $1 AND personal_data_purged_at IS NULL
            ORDER BY ends_at LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED`,
          [cutoff],
        );
        if (!event) return false;
        const notErasedYet = await manager.find(ParticipantEntity, {
          select: { id: true, registrationId: true, eventId: true },
          where: { eventId: event.id, personalDataErasedAt: IsNull() },
          order: { registrationId: 'ASC', position: 'ASC' },
        });
        await manager.update(
          ParticipantEntity,
          { eventId: event.id },
          {
            ...erasedPersonalData(now),
            personalDataErasedAt: () => `COALESCE(personal_data_erased_at, now())`,
          },
        );
        await manager.update(
          RegistrationEntity,
          { eventId: event.id },
          { contactName: null, contactEmail: null },
        );
        const publish = outboxPublisher(this.outbox, manager);
        for (const p of notErasedYet)
          await publish(
            ParticipantPersonalDataErasedV1Event,
            personalDataErased(p, PersonalDataErasureReason.Retention, now),
          );
        await manager.update(EventEntity, { id: event.id }, { personalDataPurgedAt: now });
        return true;
      });
      if (!done) break;
      purged++;
    }
    if (purged > 0) this.logger.log(`Erased participants' personal data of ${purged} past event(s)`);
    return purged;
  }
}
