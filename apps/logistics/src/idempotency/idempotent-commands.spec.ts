import { hashOf } from './idempotent-commands';

describe('IdempotentCommands', () => {
  describe(hashOf.name, () => {
    it('should give the same hash whatever the order of object keys', () => {
      expect(hashOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashOf({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    });

    it('should give another hash for another value, array order or an added field', () => {
      const base = hashOf({ lines: [1, 2], title: 't' });
      expect(hashOf({ lines: [2, 1], title: 't' })).not.toBe(base);
      expect(hashOf({ lines: [1, 2], title: 'u' })).not.toBe(base);
      expect(hashOf({ lines: [1, 2], title: 't', publish: false })).not.toBe(base);
    });

    it('should treat an absent field and an undefined one alike', () => {
      expect(hashOf({ a: 1, b: undefined })).toBe(hashOf({ a: 1 }));
    });
  });
});
