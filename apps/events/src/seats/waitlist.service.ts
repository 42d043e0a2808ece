import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStatus, ParticipantOfferedV1Event, ParticipantStatus } from '@bridges/contracts';
import type { PublishFn } from '../common/publish-fn';
import { participantSeat } from '../registrations/participant-events';
import { ParticipantEntity } from '../registrations/participant.entity';
import type { LockedEvent } from './seat-ledger.repository';

/** Statuses in which freed seats are offered on (registration closed still serves its waiting list). */
const OFFERING_STATUSES: readonly EventStatus[] = [EventStatus.Published, EventStatus.RegistrationClosed];

/** Waitlisted rows read per round trip while looking for the next eligible person. */
const BATCH = 200;

/**
 * Offers freed seats to the waiting list: called in the transaction that freed them (a cancellation, a
 * declined or expired offer, a rejection, a capacity or quota increase), under the event's lock. Walks the
 * list in arrival order and offers a seat to each person it fits (capacity and every quota of theirs);
 * someone whose quota is still full keeps their place and the next one is offered. Each freed seat is
 * offered exactly once, because every freeing transaction holds the same lock.
 */
@Injectable()
export class WaitlistService {
  async offerFreedSeats(
    manager: EntityManager,
    locked: LockedEvent,
    publish: PublishFn,
    now = new Date(),
  ): Promise<ParticipantEntity[]> {
    const { event, ledger } = locked;
    const offered: ParticipantEntity[] = [];
    // A seat freed once the event took place or was cancelled helps nobody: the list stays as it is.
    if (!OFFERING_STATUSES.includes(event.status)) return offered;
    let after = '0';
    while (ledger.free() > 0) {
      const batch = await manager
        .getRepository(ParticipantEntity)
        .createQueryBuilder('p')
        .where('p.event_id = :eventId AND p.status = :status AND p.waitlist_seq > :after', {
          eventId: event.id,
          status: ParticipantStatus.Waitlisted,
          after,
        })
        .orderBy('p.waitlist_seq', 'ASC')
        .limit(BATCH)
        .getMany();
      if (batch.length === 0) break;
      for (const p of batch) {
        if (ledger.free() === 0) break;
        if (ledger.hold(p) !== null) continue;
        p.status = ParticipantStatus.Offered;
        p.waitlistSeq = null;
        p.offerExpiresAt = new Date(now.getTime() + event.offerHoldMinutes * 60_000);
        p.updatedAt = now;
        await manager.update(
          ParticipantEntity,
          { id: p.id },
          { status: p.status, waitlistSeq: null, offerExpiresAt: p.offerExpiresAt, updatedAt: now },
        );
        await publish(ParticipantOfferedV1Event, {
          ...participantSeat(p, now),
          offerExpiresAt: p.offerExpiresAt.toISOString(),
        });
        offered.push(p);
      }
      after = batch[batch.length - 1].arrivalSeq;
    }
    return offered;
  }
}
