import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input.scan';

describe(findUnsafeInput.name, () => {
  it('should find nothing when the payload is ordinary text, numbers and nesting', () => {
    expect(findUnsafeInput({ name: 'Бúча 🇺🇦', n: 1, tags: ['a', null], nested: { ok: true } })).toEqual([]);
  });

  it('should name every string with a NUL character or a lone surrogate in document order', () => {
    expect(findUnsafeInput({ a: 'x\u0000', b: [{ c: '\uDC00y' }], d: 'fine', e: '\uD800' })).toEqual([
      { field: 'a', messages: ['must not contain NUL characters'] },
      { field: 'b[0].c', messages: ['must be valid Unicode (no lone surrogates)'] },
      { field: 'e', messages: ['must be valid Unicode (no lone surrogates)'] },
    ]);
  });

  it('should name the key when a field name holds a NUL character', () => {
    expect(findUnsafeInput({ 'na\u0000me': 'x' })).toEqual([
      { field: 'na\u0000me', messages: ['name must not contain NUL characters'] },
    ]);
  });

  it('should find __proto__, constructor and prototype keys at any depth, with their path', () => {
    expect(findUnsafeInput(JSON.parse('{"a": 1, "__proto__": {"x": 1}}'))).toEqual([
      { field: '__proto__', messages: ['is not an accepted field'] },
    ]);
    expect(findUnsafeInput(JSON.parse('{"contacts": [{"constructor": {"prototype": 1}}]}'))).toEqual([
      { field: 'contacts[0].constructor', messages: ['is not an accepted field'] },
    ]);
  });

  it('should pass those words as values and inside longer names', () => {
    expect(findUnsafeInput({ name: 'constructor', nested: [{ prototypeName: '__proto__' }] })).toEqual([]);
  });

  it('should report the root name when the payload itself is a bad string', () => {
    expect(findUnsafeInput('\u0000', 'q')).toEqual([
      { field: 'q', messages: ['must not contain NUL characters'] },
    ]);
  });

  it('should accept the deepest allowed nesting and reject one level more', () => {
    const nest = (levels: number) => {
      let v: unknown = 1;
      for (let i = 0; i < levels; i++) v = [v];
      return v;
    };

    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH))).toEqual([]);
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH + 1))).toEqual([
      { field: '[0]'.repeat(MAX_INPUT_DEPTH), messages: [expect.stringContaining('nested')] },
    ]);
  });

  it('should walk 100,000 levels without overflowing the stack', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = { a: v };

    expect(findUnsafeInput(v)).toHaveLength(1);
  });

  it('should stop after 50 errors when every value is bad', () => {
    expect(findUnsafeInput(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(50);
  });
});
