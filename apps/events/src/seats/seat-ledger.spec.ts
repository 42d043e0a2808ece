import { EACH_KEY, QuotaDimension } from '../events/event-quota.entity';
import { SeatLedger, type QuotaCounter, type SeatKeys } from './seat-ledger';

const pl = (municipalityId: string | null = null): SeatKeys => ({
  country: 'PL',
  municipalityId,
  associationId: null,
});
const ua = (municipalityId: string | null = null): SeatKeys => ({
  country: 'UA',
  municipalityId,
  associationId: null,
});
const quota = (dimension: QuotaDimension, key: string, seats: number, held = 0): QuotaCounter => ({
  id: `${dimension}-${key}`,
  dimension,
  key,
  seats,
  held,
  fromEachRule: false,
});

describe(SeatLedger.name, () => {
  describe('hold', () => {
    it('should hold seats until capacity and then refuse with capacity when no quota applies', () => {
      const ledger = new SeatLedger('e', 2, 0, []);
      expect(ledger.hold(pl())).toBeNull();
      expect(ledger.hold(ua())).toBeNull();
      expect(ledger.hold(pl())).toEqual({ reason: 'capacity' });
      expect(ledger.held).toBe(2);
    });

    it('should refuse a country whose quota is full while another country still gets a seat', () => {
      const ledger = new SeatLedger('e', 10, 0, [quota(QuotaDimension.Country, 'PL', 1)]);
      expect(ledger.hold(pl())).toBeNull();
      expect(ledger.hold(pl())).toEqual({ reason: 'quota', dimension: 'country', key: 'PL' });
      expect(ledger.hold(ua())).toBeNull();
      expect(ledger.held).toBe(2);
    });

    it('should derive a counter per municipality from a "*" rule and limit each one separately', () => {
      const ledger = new SeatLedger('e', 100, 0, [quota(QuotaDimension.Municipality, EACH_KEY, 2)]);
      expect(ledger.hold(ua('a'))).toBeNull();
      expect(ledger.hold(ua('a'))).toBeNull();
      expect(ledger.hold(ua('a'))).toEqual({ reason: 'quota', dimension: 'municipality', key: 'a' });
      expect(ledger.hold(ua('b'))).toBeNull();
      const derived = ledger.changedCounters().filter((q) => q.id === undefined);
      expect(derived.map((q) => [q.key, q.seats, q.held, q.fromEachRule])).toEqual([
        ['a', 2, 2, true],
        ['b', 2, 1, true],
      ]);
    });

    it('should let a key of its own override the "*" rule of its dimension', () => {
      const ledger = new SeatLedger('e', 100, 0, [
        quota(QuotaDimension.Municipality, EACH_KEY, 1),
        quota(QuotaDimension.Municipality, 'big', 3),
      ]);
      for (let i = 0; i < 3; i++) expect(ledger.hold(ua('big'))).toBeNull();
      expect(ledger.hold(ua('big'))).toEqual({ reason: 'quota', dimension: 'municipality', key: 'big' });
    });

    it('should count one seat against every dimension that applies', () => {
      const ledger = new SeatLedger('e', 100, 0, [
        quota(QuotaDimension.Country, 'UA', 5),
        quota(QuotaDimension.Association, 'assoc', 1),
      ]);
      expect(ledger.hold({ country: 'UA', municipalityId: null, associationId: 'assoc' })).toBeNull();
      expect(ledger.hold({ country: 'UA', municipalityId: null, associationId: 'assoc' })).toEqual({
        reason: 'quota',
        dimension: 'association',
        key: 'assoc',
      });
      expect(ledger.changedCounters().map((q) => [q.key, q.held])).toEqual([
        ['UA', 1],
        ['assoc', 1],
      ]);
    });

    it('should change nothing when it refuses', () => {
      const ledger = new SeatLedger('e', 1, 1, [quota(QuotaDimension.Country, 'PL', 5, 1)]);
      expect(ledger.hold(pl())).toEqual({ reason: 'capacity' });
      expect(ledger.heldChanged()).toBe(false);
      expect(ledger.changedCounters()).toEqual([]);
    });
  });

  describe('release', () => {
    it('should give back the seat and the quota seats it held', () => {
      const ledger = new SeatLedger('e', 1, 1, [quota(QuotaDimension.Country, 'PL', 1, 1)]);
      ledger.release(pl());
      expect(ledger.free()).toBe(1);
      expect(ledger.hold(pl())).toBeNull();
    });

    it('should throw rather than go below zero when nothing is held', () => {
      expect(() => new SeatLedger('e', 1, 0, []).release(pl())).toThrow(/no seat to release/);
    });
  });

  describe('resize', () => {
    it('should refuse a capacity below the seats held and accept one at or above it', () => {
      const ledger = new SeatLedger('e', 5, 3, []);
      expect(ledger.resize(2)).toBe(false);
      expect(ledger.capacity).toBe(5);
      expect(ledger.resize(3)).toBe(true);
      expect(ledger.free()).toBe(0);
    });
  });
});
