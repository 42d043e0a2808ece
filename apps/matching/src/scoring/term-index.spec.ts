import { intersectionCount, popcount32, TermIndex } from './term-index';

describe(TermIndex.name, () => {
  describe('encode', () => {
    it('should count distinct terms including unknown ones when encoding', () => {
      const index = TermIndex.of([['a', 'b'], ['c']]);
      const bits = new Uint32Array(index.words);
      expect(index.encode(['a', 'a', 'zzz'], bits, 0)).toBe(2);
      expect(popcount32(bits[0])).toBe(1);
    });

    it('should use several words when the vocabulary exceeds 32 terms', () => {
      const terms = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, '0')}`);
      const index = TermIndex.of([terms]);
      expect(index.words).toBe(2);
      const a = new Uint32Array(2);
      const b = new Uint32Array(2);
      index.encode(['t00', 't35', 't39'], a, 0);
      index.encode(['t35', 't39', 't01'], b, 0);
      expect(intersectionCount(a, 0, b, 0, 2)).toBe(2);
    });
  });
});

describe(popcount32.name, () => {
  it('should count bits when the high bit is set', () => {
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    expect(popcount32(0)).toBe(0);
  });
});
