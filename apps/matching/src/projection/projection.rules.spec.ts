import { decideSnapshot, materialChanges } from './projection.rules';

describe('projection rules', () => {
  describe(decideSnapshot.name, () => {
    it('should apply a snapshot when no version is held yet', () => {
      expect(decideSnapshot(null, 1)).toBe('apply');
    });

    it('should apply a snapshot when it is newer than the one held, even after a gap', () => {
      expect(decideSnapshot(2, 3)).toBe('apply');
      expect(decideSnapshot(2, 7)).toBe('apply');
    });

    it('should call a snapshot stale when its version equals or precedes the one held', () => {
      expect(decideSnapshot(3, 3)).toBe('stale');
      expect(decideSnapshot(3, 2)).toBe('stale');
    });
  });

  describe(materialChanges.name, () => {
    it('should keep only the fields that can change a score or an eligibility when given a mix', () => {
      expect(materialChanges(['nameLatin', 'needs', 'contacts', 'partnershipCapacity', 'warImpact'])).toEqual(
        ['needs', 'partnershipCapacity', 'warImpact'],
      );
    });

    it('should find nothing material when only names or contacts changed', () => {
      expect(materialChanges(['nameLatin', 'nameNative', 'contacts', 'region'])).toEqual([]);
    });
  });
});
