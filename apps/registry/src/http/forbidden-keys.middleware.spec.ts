import { findForbiddenKey } from './forbidden-keys.middleware';

describe(findForbiddenKey.name, () => {
  it('should find __proto__, constructor and prototype keys at any depth, with their path', () => {
    expect(findForbiddenKey(JSON.parse('{"a": 1, "__proto__": {"x": 1}}'))).toBe('__proto__');
    expect(findForbiddenKey(JSON.parse('{"contacts": [{"constructor": {"prototype": 1}}]}'))).toBe(
      'contacts[0].constructor',
    );
  });

  it('should pass ordinary bodies, arrays and scalars', () => {
    expect(findForbiddenKey({ name: 'constructor', nested: [{ prototypeName: 'x' }] })).toBeUndefined();
    expect(findForbiddenKey([1, 'a'])).toBeUndefined();
    expect(findForbiddenKey('__proto__')).toBeUndefined();
  });
});
