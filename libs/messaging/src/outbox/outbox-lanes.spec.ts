import { OUTBOX_LANES, outboxLaneOf } from './outbox-lanes';

describe(outboxLaneOf.name, () => {
  it('should give the same lane to the same key every time', () => {
    const key = '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11';
    expect(outboxLaneOf(key)).toBe(outboxLaneOf(key));
  });

  it('should spread many keys over every lane when keys are uuids', () => {
    const counts = new Array<number>(OUTBOX_LANES).fill(0);
    for (let i = 0; i < 16_000; i++)
      counts[outboxLaneOf(`${i.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${i}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(700);
    expect(Math.max(...counts)).toBeLessThan(1300);
  });

  it('should stay within range for an empty key', () => {
    expect(outboxLaneOf('')).toBeGreaterThanOrEqual(0);
    expect(outboxLaneOf('')).toBeLessThan(OUTBOX_LANES);
  });
});
