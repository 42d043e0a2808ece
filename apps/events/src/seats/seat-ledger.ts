import { EACH_KEY, QuotaDimension } from '../events/event-quota.entity';

/** The delegation keys a participant's seat counts against. */
export interface SeatKeys {
  readonly country: string;
  readonly municipalityId: string | null;
  readonly associationId: string | null;
}

/** One quota counter as the ledger sees it; `id` is absent for a row the ledger derived from a `'*'` rule. */
export interface QuotaCounter {
  id?: string;
  readonly dimension: QuotaDimension;
  readonly key: string;
  seats: number;
  held: number;
  readonly fromEachRule: boolean;
}

/** Why a seat could not be held: the event is full, or one of the participant's quotas is. */
export type SeatRefusal =
  | { readonly reason: 'capacity' }
  | { readonly reason: 'quota'; readonly dimension: QuotaDimension; readonly key: string };

const DIMENSIONS: readonly [QuotaDimension, (k: SeatKeys) => string | null][] = [
  [QuotaDimension.Country, (k) => k.country],
  [QuotaDimension.Municipality, (k) => k.municipalityId],
  [QuotaDimension.Association, (k) => k.associationId],
];

/**
 * The seat accounts of one event, loaded under the event's row lock: capacity, seats held, and every
 * quota counter. Decides in memory who gets a seat and records what changed, for the repository to
 * write back in the same transaction. Pure: no database, so the rules are unit-tested directly.
 */
export class SeatLedger {
  private readonly counters = new Map<string, QuotaCounter>();
  private readonly dirty = new Set<QuotaCounter>();
  private readonly initialHeld: number;

  constructor(
    readonly eventId: string,
    private capacityValue: number,
    private heldValue: number,
    quotas: readonly QuotaCounter[],
  ) {
    this.initialHeld = heldValue;
    for (const q of quotas) this.counters.set(counterKey(q.dimension, q.key), { ...q });
  }

  get capacity(): number {
    return this.capacityValue;
  }

  get held(): number {
    return this.heldValue;
  }

  free(): number {
    return Math.max(0, this.capacityValue - this.heldValue);
  }

  /** The counters `keys` count against: a key's own row, else one derived from its dimension's `'*'` rule. */
  countersFor(keys: SeatKeys): QuotaCounter[] {
    const found: QuotaCounter[] = [];
    for (const [dimension, valueOf] of DIMENSIONS) {
      const value = valueOf(keys);
      if (value === null) continue;
      const own = this.counters.get(counterKey(dimension, value));
      if (own) {
        found.push(own);
        continue;
      }
      const rule = this.counters.get(counterKey(dimension, EACH_KEY));
      if (!rule) continue;
      const derived: QuotaCounter = { dimension, key: value, seats: rule.seats, held: 0, fromEachRule: true };
      this.counters.set(counterKey(dimension, value), derived);
      this.dirty.add(derived);
      found.push(derived);
    }
    return found;
  }

  /** Whether a seat for `keys` fits now, and if not, the first limit in the way. */
  refusalFor(keys: SeatKeys): SeatRefusal | null {
    if (this.free() <= 0) return { reason: 'capacity' };
    const full = this.countersFor(keys).find((q) => q.held >= q.seats);
    return full ? { reason: 'quota', dimension: full.dimension, key: full.key } : null;
  }

  /** Holds one seat for `keys` when it fits (capacity and every quota); returns the refusal otherwise. */
  hold(keys: SeatKeys): SeatRefusal | null {
    const refusal = this.refusalFor(keys);
    if (refusal) return refusal;
    this.heldValue++;
    for (const q of this.countersFor(keys)) {
      q.held++;
      this.dirty.add(q);
    }
    return null;
  }

  /** Gives back the seat `keys` held. */
  release(keys: SeatKeys): void {
    if (this.heldValue <= 0) throw new Error(`Event ${this.eventId} holds no seat to release`);
    this.heldValue--;
    for (const q of this.countersFor(keys)) {
      if (q.held <= 0) throw new Error(`Quota ${q.dimension}:${q.key} holds no seat to release`);
      q.held--;
      this.dirty.add(q);
    }
  }

  /** New capacity; refused (returns false) below the seats already held. */
  resize(capacity: number): boolean {
    if (capacity < this.heldValue) return false;
    this.capacityValue = capacity;
    return true;
  }

  /** Counters to write back: derived ones without an id are new rows. */
  changedCounters(): QuotaCounter[] {
    return [...this.dirty];
  }

  heldChanged(): boolean {
    return this.heldValue !== this.initialHeld;
  }
}

function counterKey(dimension: QuotaDimension, key: string): string {
  return `${dimension}\u0000${key}`;
}
