import { discrepancyOf, usableQuantity } from './receipt.rules';

describe('receipt rules', () => {
  describe(discrepancyOf.name, () => {
    it('should say none when the count matches and nothing is damaged', () => {
      expect(discrepancyOf(10, 10, 0)).toBe('none');
    });

    it('should say short or over by the count, before damage', () => {
      expect(discrepancyOf(10, 8, 2)).toBe('short');
      expect(discrepancyOf(10, 11, 0)).toBe('over');
    });

    it('should say damaged when the count matches but some goods are damaged', () => {
      expect(discrepancyOf(10, 10, 1)).toBe('damaged');
    });
  });

  describe(usableQuantity.name, () => {
    it('should count received goods that are not damaged', () => {
      expect(usableQuantity(10, 3)).toBe(7);
      expect(usableQuantity(0, 0)).toBe(0);
    });
  });
});
