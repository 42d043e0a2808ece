/**
 * Maps vocabulary ids (sectors, priorities, languages) to bit positions so that set overlaps in the
 * hot loop are a few AND + popcount operations. Terms unknown to the index cannot match anything,
 * but still count in a set's size (a need nobody offers still lowers coverage).
 */
export class TermIndex {
  private readonly bits = new Map<string, number>();

  /** Builds an index over every term in the given lists, in sorted order for determinism. */
  static of(lists: Iterable<readonly string[]>): TermIndex {
    const all = new Set<string>();
    for (const list of lists) for (const t of list) all.add(t);
    const index = new TermIndex();
    for (const t of [...all].sort()) index.bits.set(t, index.bits.size);
    return index;
  }

  /** Number of 32-bit words a bitset over this index needs (at least 1). */
  get words(): number {
    return Math.max(1, Math.ceil(this.bits.size / 32));
  }

  /** Writes the bitset of `terms` into `target` at word offset `offset`; returns the number of distinct terms. */
  encode(terms: readonly string[], target: Uint32Array, offset: number): number {
    const seen = new Set<string>();
    for (const t of terms) {
      if (seen.has(t)) continue;
      seen.add(t);
      const bit = this.bits.get(t);
      if (bit !== undefined) target[offset + (bit >>> 5)] |= 1 << (bit & 31);
    }
    return seen.size;
  }
}

/** Number of set bits in a 32-bit word. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Size of the intersection of two bitsets of `words` words at the given offsets. */
export function intersectionCount(
  a: Uint32Array,
  aOffset: number,
  b: Uint32Array,
  bOffset: number,
  words: number,
): number {
  let n = 0;
  for (let w = 0; w < words; w++) n += popcount32(a[aOffset + w] & b[bOffset + w]);
  return n;
}
