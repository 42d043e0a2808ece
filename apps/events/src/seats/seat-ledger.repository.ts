import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { EventQuotaEntity } from '../events/event-quota.entity';
import { SeatLedger } from './seat-ledger';

/** An event row locked for this transaction, with its seat ledger. */
export interface LockedEvent {
  readonly event: EventEntity;
  readonly ledger: SeatLedger;
}

/**
 * Loads and saves {@link SeatLedger}s. Every change to an event's seats, on any instance, first locks the
 * event's row (`FOR NO KEY UPDATE`), then reads its quota rows: one lock per event, always taken first,
 * so seat changes of one event run one at a time and never deadlock with each other. The CHECK
 * constraints on `event.seats_held` and `event_quota.held` are the last word should code ever miscount.
 */
@Injectable()
export class SeatLedgerRepository {
  /** Locks the event (null when it does not exist) and loads its ledger. */
  async lock(manager: EntityManager, eventId: string): Promise<LockedEvent | null> {
    // NO KEY UPDATE: conflicts with itself (one seat change at a time) but not with rows referencing the event.
    const event = await manager.findOne(EventEntity, {
      where: { id: eventId },
      lock: { mode: 'for_no_key_update' },
    });
    if (!event) return null;
    const quotas = await manager.find(EventQuotaEntity, { where: { eventId }, order: { id: 'ASC' } });
    return { event, ledger: new SeatLedger(event.id, event.capacity, event.seatsHeld, quotas) };
  }

  /** Writes back what the ledger changed: new derived quota rows, counters, capacity and seats held. */
  async save(manager: EntityManager, locked: LockedEvent): Promise<void> {
    const { event, ledger } = locked;
    for (const q of ledger.changedCounters()) {
      if (q.id === undefined) {
        const inserted = await manager.insert(EventQuotaEntity, {
          eventId: event.id,
          dimension: q.dimension,
          key: q.key,
          seats: q.seats,
          held: q.held,
          fromEachRule: q.fromEachRule,
        });
        q.id = String((inserted.identifiers[0] as { id: string }).id);
      } else {
        await manager.update(EventQuotaEntity, { id: q.id }, { held: q.held, seats: q.seats });
      }
    }
    if (ledger.heldChanged() || ledger.capacity !== event.capacity) {
      await manager.update(
        EventEntity,
        { id: event.id },
        { seatsHeld: ledger.held, capacity: ledger.capacity },
      );
      event.seatsHeld = ledger.held;
      event.capacity = ledger.capacity;
    }
  }
}
