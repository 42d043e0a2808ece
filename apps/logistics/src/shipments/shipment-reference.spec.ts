import fc from 'fast-check';
import {
  dammCheckDigit,
  formatShipmentReference,
  isValidShipmentReference,
  shipmentReferenceProblem,
} from './shipment-reference';

describe('shipment references', () => {
  describe(dammCheckDigit.name, () => {
    it('should give the published Damm check digit of 572 (4)', () => {
      expect(dammCheckDigit('572')).toBe(4);
      expect(dammCheckDigit('5724')).toBe(0);
    });
  });

  describe(formatShipmentReference.name, () => {
    it('should format year, six-digit number and check digit', () => {
      const reference = formatShipmentReference(2026, 123);
      expect(reference).toMatch(/^BR-2026-000123-\d$/);
      expect(isValidShipmentReference(reference)).toBe(true);
    });

    it('should refuse a number outside 1..999999', () => {
      expect(() => formatShipmentReference(2026, 0)).toThrow(RangeError);
      expect(() => formatShipmentReference(2026, 1_000_000)).toThrow(RangeError);
    });
  });

  describe(shipmentReferenceProblem.name, () => {
    it('should explain a malformed reference', () => {
      expect(shipmentReferenceProblem('BR-26-123-7')).toMatch(/must look like/);
      expect(shipmentReferenceProblem('br-2026-000123-7')).toMatch(/must look like/);
      expect(shipmentReferenceProblem(' BR-2026-000123-7')).toMatch(/must look like/);
    });

    it('should catch every single mistyped digit of any reference', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2099 }),
          fc.integer({ min: 1, max: 999_999 }),
          fc.integer({ min: 0, max: 10 }),
          fc.integer({ min: 1, max: 9 }),
          (year, number, position, delta) => {
            const reference = formatShipmentReference(year, number);
            const digits = reference.replace(/\D/g, '');
            const changed = (Number(digits[position]) + delta) % 10;
            const typo = digits.slice(0, position) + String(changed) + digits.slice(position + 1);
            const typed = `BR-${typo.slice(0, 4)}-${typo.slice(4, 10)}-${typo.slice(10)}`;
            return typo.slice(4, 10) === '000000' || !isValidShipmentReference(typed);
          },
        ),
      );
    });

    it('should catch every swap of two different adjacent digits of year and number', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2099 }),
          fc.integer({ min: 1, max: 999_999 }),
          fc.integer({ min: 0, max: 8 }),
          (year, number, position) => {
            const reference = formatShipmentReference(year, number);
            const digits = reference.replace(/\D/g, '').slice(0, 10);
            if (digits[position] === digits[position + 1]) return true;
            const swapped =
              digits.slice(0, position) +
              digits[position + 1] +
              digits[position] +
              digits.slice(position + 2);
            const typed = `BR-${swapped.slice(0, 4)}-${swapped.slice(4)}-${reference.slice(-1)}`;
            return swapped.slice(4) === '000000' || !isValidShipmentReference(typed);
          },
        ),
      );
    });
  });
});
