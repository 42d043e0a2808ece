import { proposeKickOffSlot } from './kick-off-slot';

const TWO_WEEKS_MS = 14 * 86_400_000;

describe(proposeKickOffSlot.name, () => {
  it('should propose the weekday a week later at 08:00 UTC for one hour when that day is a weekday', () => {
    // Monday 2027-03-01 07:00 UTC → Monday 2027-03-08 08:00 UTC
    const { startsAt, endsAt } = proposeKickOffSlot(new Date('2027-03-01T07:00:00Z'));
    expect(startsAt.toISOString()).toBe('2027-03-08T08:00:00.000Z');
    expect(endsAt.toISOString()).toBe('2027-03-08T09:00:00.000Z');
  });

  it('should move to the next day when the partnership was established after 08:00', () => {
    expect(proposeKickOffSlot(new Date('2027-03-01T15:30:00Z')).startsAt.toISOString()).toBe(
      '2027-03-09T08:00:00.000Z',
    );
  });

  it('should skip the weekend to Monday', () => {
    // Friday 2027-03-05 12:00 → Saturday 13th is the first candidate → Monday 15th
    expect(proposeKickOffSlot(new Date('2027-03-05T12:00:00Z')).startsAt.toISOString()).toBe(
      '2027-03-15T08:00:00.000Z',
    );
  });

  it('should always fall within two weeks of the partnership, whatever the day and hour', () => {
    for (let h = 0; h < 24 * 14; h += 5) {
      const established = new Date(Date.UTC(2027, 0, 1) + h * 3_600_000);
      const { startsAt } = proposeKickOffSlot(established);
      expect(startsAt.getTime() - established.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000);
      expect(startsAt.getTime() - established.getTime()).toBeLessThan(TWO_WEEKS_MS);
      expect([1, 2, 3, 4, 5]).toContain(startsAt.getUTCDay());
    }
  });
});
