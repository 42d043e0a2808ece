import { isMatchFactorId, MATCH_FACTOR_IDS } from './match-factors';

describe(isMatchFactorId.name, () => {
  it('should accept every id of the vocabulary', () => {
    expect(MATCH_FACTOR_IDS.every(isMatchFactorId)).toBe(true);
  });

  it('should reject camelCase spellings and inherited object keys', () => {
    expect(isMatchFactorId('sectorFit')).toBe(false);
    expect(isMatchFactorId('constructor')).toBe(false);
  });
});
