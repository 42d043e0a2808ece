import { deriveSettlementType, settlementTypeFromHromadaType } from './settlement-type';

describe(deriveSettlementType.name, () => {
  it('should be urban when dense and populous like a town', () => {
    expect(deriveSettlementType(29_718, 29.9)).toBe('urban');
  });

  it('should be settlement when moderately dense or populous', () => {
    expect(deriveSettlementType(3_000, 20)).toBe('settlement');
    expect(deriveSettlementType(8_000, 100)).toBe('settlement');
  });

  it('should be rural when sparse and small', () => {
    expect(deriveSettlementType(900, 40)).toBe('rural');
  });

  it('should fall back to population when the area is unknown', () => {
    expect(deriveSettlementType(25_000, null)).toBe('urban');
    expect(deriveSettlementType(500, null)).toBe('rural');
  });
});

describe(settlementTypeFromHromadaType.name, () => {
  it('should map the three Ukrainian hromada types', () => {
    expect(['міська', 'селищна', 'сільська'].map(settlementTypeFromHromadaType)).toEqual([
      'urban',
      'settlement',
      'rural',
    ]);
  });

  it('should throw when the type is unknown', () => {
    expect(() => settlementTypeFromHromadaType('район')).toThrow('Unknown hromada type');
  });
});
