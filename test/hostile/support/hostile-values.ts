import fc from 'fast-check';

/** Kinds of hostile value fed to every field. */
export type HostileKind = 'nul' | 'lone-surrogate' | 'huge-number' | 'deep-nesting' | 'wrong-type';

/** A JSON kind, to pick values of another kind for "wrong type". */
export type JsonKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'unknown';

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'unknown';
}

/** Text around the hostile character, so it is not always at the start or alone. */
const around = (inner: string) =>
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}${inner}${b}`);

/** Nested `[[[…]]]` or `{"a":{"a":…}}` deeper than the platform allows. */
export function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Values of the given kind; `wrong-type` avoids `sameKindAs` (and null, which marks "clear" on updates). */
export function hostile(kind: HostileKind, sameKindAs: JsonKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'nul':
      return around('\u0000');
    case 'lone-surrogate':
      return fc.integer({ min: 0xd800, max: 0xdfff }).chain((code) => around(String.fromCharCode(code)));
    case 'huge-number':
      return fc.oneof(
        fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e21, Number.MAX_VALUE),
        fc.double({ min: 1e16, max: 1e300, noNaN: true, noDefaultInfinity: true }),
      );
    case 'deep-nesting':
      return fc
        .tuple(fc.integer({ min: 33, max: 3000 }), fc.boolean())
        .map(([depth, asObject]) => nested(depth, asObject));
    case 'wrong-type': {
      const candidates: [JsonKind, fc.Arbitrary<unknown>][] = [
        ['string', fc.string({ minLength: 1, maxLength: 12 }).map((s) => `§${s}`)],
        ['number', fc.integer({ min: -5, max: 5 }).map((n) => n + 0.5)],
        ['boolean', fc.boolean()],
        ['array', fc.constant([{ unexpected: true }])],
        ['object', fc.constant({ unexpected: true })],
      ];
      return fc.oneof(...candidates.filter(([k]) => k !== sameKindAs).map(([, a]) => a));
    }
  }
}

export const HOSTILE_KINDS: readonly HostileKind[] = [
  'nul',
  'lone-surrogate',
  'huge-number',
  'deep-nesting',
  'wrong-type',
];
