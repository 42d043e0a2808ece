import { TopKHeap } from './top-k-heap';

describe(TopKHeap.name, () => {
  describe('push', () => {
    it('should keep the k best and drain them best first when more are offered', () => {
      const heap = new TopKHeap(3);
      [0.1, 0.9, 0.4, 0.7, 0.2, 0.8].forEach((s, i) => heap.push(s, i));
      const { scores, indices } = heap.drain();
      expect(Array.from(scores)).toEqual([0.9, 0.8, 0.7]);
      expect(Array.from(indices)).toEqual([1, 5, 3]);
    });

    it('should prefer the lower index when scores tie', () => {
      const heap = new TopKHeap(2);
      [7, 3, 5, 1].forEach((i) => heap.push(0.5, i));
      expect(Array.from(heap.drain().indices)).toEqual([1, 3]);
    });

    it('should keep nothing when capacity is zero', () => {
      const heap = new TopKHeap(0);
      heap.push(1, 0);
      expect(heap.size).toBe(0);
    });
  });

  describe('threshold', () => {
    it('should be -Infinity until full and then the worst kept score', () => {
      const heap = new TopKHeap(2);
      heap.push(0.3, 0);
      expect(heap.threshold).toBe(-Infinity);
      heap.push(0.6, 1);
      expect(heap.threshold).toBe(0.3);
    });
  });

  describe('drain', () => {
    it('should equal a full sort when scores are random', () => {
      const xs = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 101) / 101);
      const heap = new TopKHeap(25);
      xs.forEach((s, i) => heap.push(s, i));
      const expected = xs
        .map((s, i) => ({ s, i }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, 25);
      expect(Array.from(heap.drain().indices)).toEqual(expected.map((x) => x.i));
    });
  });
});
