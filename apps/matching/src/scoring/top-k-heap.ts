/**
 * Keeps the k best (score, index) pairs seen so far in a min-heap on typed arrays: O(n log k) for a
 * scan of n candidates and no allocation per candidate. Better means a higher score, then a lower
 * index, so results are deterministic when scores tie.
 */
export class TopKHeap {
  private readonly scores: Float64Array;
  private readonly indices: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(Math.max(0, capacity));
    this.indices = new Int32Array(Math.max(0, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The score a candidate must beat to enter a full heap; -Infinity while not full. */
  get threshold(): number {
    return this.count < this.capacity ? -Infinity : this.scores[0];
  }

  /** Offers a candidate; it is kept if the heap is not full or it beats the worst kept one. */
  push(score: number, index: number): void {
    if (this.capacity === 0) return;
    if (this.count < this.capacity) {
      let i = this.count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, index, this.scores[parent], this.indices[parent])) break;
        this.scores[i] = this.scores[parent];
        this.indices[i] = this.indices[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.indices[i] = index;
      return;
    }
    if (!this.worse(this.scores[0], this.indices[0], score, index)) return;
    this.siftDown(score, index);
  }

  /** The kept candidates, best first. */
  drain(): { scores: Float64Array; indices: Int32Array } {
    const n = this.count;
    const scores = new Float64Array(n);
    const indices = new Int32Array(n);
    for (let out = n - 1; out >= 0; out--) {
      scores[out] = this.scores[0];
      indices[out] = this.indices[0];
      this.count--;
      if (this.count > 0) this.siftDown(this.scores[this.count], this.indices[this.count]);
    }
    return { scores, indices };
  }

  private siftDown(score: number, index: number): void {
    const n = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (
        child + 1 < n &&
        this.worse(this.scores[child + 1], this.indices[child + 1], this.scores[child], this.indices[child])
      )
        child++;
      if (!this.worse(this.scores[child], this.indices[child], score, index)) break;
      this.scores[i] = this.scores[child];
      this.indices[i] = this.indices[child];
      i = child;
    }
    this.scores[i] = score;
    this.indices[i] = index;
  }

  /** Whether (s1, i1) ranks below (s2, i2). */
  private worse(s1: number, i1: number, s2: number, i2: number): boolean {
    return s1 < s2 || (s1 === s2 && i1 > i2);
  }
}
