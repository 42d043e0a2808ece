import {
  incrementsForDelivery,
  medianOfHistogram,
  periodsOf,
  type DeliveredShipmentFacts,
} from './totals.rules';

const facts: DeliveredShipmentFacts = {
  partnershipId: 'p1',
  hromadaId: 'h1',
  euMunicipalityId: 'e1',
  euCountry: 'LT',
  oblast: 'Івано-Франківська',
  deliveredAt: new Date('2026-03-20T10:00:00Z'),
  requestPublishedAt: new Date('2026-03-01T09:00:00Z'),
  grossWeightKg: 11_000,
  valueMinor: 10_000_000,
  currency: 'EUR',
  lines: [
    { category: 'energy', unit: 'H87', quantity: 20 },
    { category: 'energy', unit: 'H87', quantity: 5 },
    { category: 'medical', unit: 'KGM', quantity: 500 },
  ],
};

describe('totals rules', () => {
  describe(periodsOf.name, () => {
    it('should give all time, the year and the month in UTC', () => {
      expect(periodsOf(new Date('2026-12-31T23:30:00Z'))).toEqual(['all', '2026', '2026-12']);
    });
  });

  describe(incrementsForDelivery.name, () => {
    it('should add shipment, kg, value per currency and days for every dimension and period', () => {
      const rows = incrementsForDelivery(facts);
      const partnershipAll = rows.filter((r) => r.dimension === 'partnership' && r.period === 'all');
      expect(partnershipAll).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ measure: 'shipments', amount: 1 }),
          expect.objectContaining({ measure: 'weight-kg', amount: 11_000 }),
          expect.objectContaining({ measure: 'value', unit: 'EUR', amount: 10_000_000 }),
          expect.objectContaining({ measure: 'days', unit: '19', amount: 1 }),
        ]),
      );
      expect(new Set(rows.map((r) => r.dimension))).toEqual(
        new Set(['all', 'partnership', 'hromada', 'eu-municipality', 'country', 'oblast', 'category']),
      );
    });

    it('should count a category once per shipment and sum its quantities per unit', () => {
      const energy = incrementsForDelivery(facts).filter(
        (r) => r.dimension === 'category' && r.dimensionKey === 'energy' && r.period === '2026-03',
      );
      expect(energy).toEqual([
        expect.objectContaining({ measure: 'quantity', unit: 'H87', amount: 25 }),
        expect.objectContaining({ measure: 'shipments', amount: 1 }),
        expect.objectContaining({ measure: 'value', unit: 'EUR', amount: 10_000_000 }),
      ]);
    });

    it('should count the declared value per currency in each category the shipment carried, never converted', () => {
      const rows = incrementsForDelivery({ ...facts, valueMinor: 250_000, currency: 'PLN' });
      const categoryValues = rows.filter(
        (r) => r.dimension === 'category' && r.period === 'all' && r.measure === 'value',
      );
      expect(categoryValues.map((r) => [r.dimensionKey, r.unit, r.amount])).toEqual([
        ['energy', 'PLN', 250_000],
        ['medical', 'PLN', 250_000],
      ]);
    });

    it('should leave out the partnership and the value when there are none', () => {
      const rows = incrementsForDelivery({ ...facts, partnershipId: null, valueMinor: null, currency: null });
      expect(rows.some((r) => r.dimension === 'partnership' || r.measure === 'value')).toBe(false);
    });

    it('should sort rows by primary key so concurrent deliveries lock them in one order', () => {
      const keys = incrementsForDelivery(facts).map((r) =>
        [r.dimension, r.dimensionKey, r.period, r.measure, r.unit].join('\u0000'),
      );
      expect(keys).toEqual([...keys].sort());
    });
  });

  describe(medianOfHistogram.name, () => {
    it('should give the middle value of the histogram, or null when empty', () => {
      expect(
        medianOfHistogram([
          { value: 3, count: 1 },
          { value: 10, count: 2 },
        ]),
      ).toBe(10);
      expect(
        medianOfHistogram([
          { value: 3, count: 2 },
          { value: 10, count: 2 },
        ]),
      ).toBe(3);
      expect(medianOfHistogram([])).toBeNull();
    });
  });
});
