import { AID_CATEGORIES, AID_CATEGORY_IDS, isAidCategory } from './aid-categories';
import { CURRENCIES, formatMinorUnits, isCurrencyCode } from './currencies';
import { UNIT_CODES, isUnitCode } from './unit-codes';

describe('aid vocabularies', () => {
  describe('AID_CATEGORIES', () => {
    it('should have unique kebab-case ids with en and uk labels and an HXL sector', () => {
      expect(new Set(AID_CATEGORY_IDS).size).toBe(AID_CATEGORIES.length);
      for (const category of AID_CATEGORIES) {
        expect(category.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(category.uk).toMatch(/[а-яіїєґ]/i);
        expect(category.hxlSector.length).toBeGreaterThan(0);
      }
      expect(isAidCategory('energy')).toBe(true);
      expect(isAidCategory('Energy')).toBe(false);
    });
  });

  describe('UNIT_CODES', () => {
    it('should be unique UN/ECE Recommendation 20 codes (2–3 capitals or digits)', () => {
      expect(new Set(UNIT_CODES.map((u) => u.code)).size).toBe(UNIT_CODES.length);
      for (const unit of UNIT_CODES) expect(unit.code).toMatch(/^[A-Z0-9]{2,3}$/);
      expect(isUnitCode('KGM')).toBe(true);
      expect(isUnitCode('kg')).toBe(false);
    });
  });

  describe(formatMinorUnits.name, () => {
    it('should place the decimal point by the currency’s minor units, exactly', () => {
      expect(formatMinorUnits(10_000_000, 'EUR')).toBe('100000.00');
      expect(formatMinorUnits(5, 'EUR')).toBe('0.05');
      expect(formatMinorUnits(1234, 'ISK')).toBe('1234');
      expect(formatMinorUnits(9_999_999_999_999, 'UAH')).toBe('99999999999.99');
    });

    it('should know only ISO 4217 codes it lists', () => {
      expect(CURRENCIES.every((c) => /^[A-Z]{3}$/.test(c.code))).toBe(true);
      expect(isCurrencyCode('EUR')).toBe(true);
      expect(isCurrencyCode('XBT')).toBe(false);
    });
  });
});
