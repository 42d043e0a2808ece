import { AidRequestPublishedTemplate } from './aid-request-published.template';
import { AidShipmentDispatchedTemplate } from './aid-shipment-dispatched.template';
import { AidShipmentReceivedTemplate } from './aid-shipment-received.template';

const dolyna = {
  nameNative: 'Долинська міська громада',
  nameLatin: 'Dolyna urban hromada',
  countryCode: 'UA',
};
const siauliai = {
  nameNative: 'Šiaulių rajono savivaldybė',
  nameLatin: 'Siauliai district',
  countryCode: 'LT',
};

describe('aid logistics templates', () => {
  describe(AidRequestPublishedTemplate.name, () => {
    it('should list the lines with quantities, units and category labels in the reader’s language', () => {
      const rendered = new AidRequestPublishedTemplate().render(
        {
          municipality: siauliai,
          hromada: dolyna,
          title: 'Generators for boiler houses',
          urgency: 'critical',
          lines: [{ item: 'Diesel generator 30 kVA', category: 'energy', unit: 'H87', quantity: 20 }],
          unsubscribeUrl: 'https://example.org/u',
        },
        'en',
      );
      expect(rendered.subject).toBe(
        'Bridges: Dolyna urban hromada asks for aid: Generators for boiler houses',
      );
      expect(rendered.text).toContain('Diesel generator 30 kVA — 20 pcs (Energy and generators)');
      expect(rendered.text).toContain('critical');
    });
  });

  describe(AidShipmentDispatchedTemplate.name, () => {
    it('should tell the hromada in Ukrainian the reference, weight and expected arrival', () => {
      const rendered = new AidShipmentDispatchedTemplate().render(
        {
          hromada: dolyna,
          sender: siauliai,
          reference: 'BR-2026-000001-5',
          grossWeightKg: 11_000,
          packages: 22,
          dispatchedAt: '2026-03-14T08:00:00Z',
          expectedArrival: '2026-03-17',
          declaredValue: '100000.00 EUR',
          unsubscribeUrl: 'https://example.org/u',
        },
        'uk',
      );
      expect(rendered.subject).toBe(
        'Bridges: Вантаж від Šiaulių rajono savivaldybė відправлено: BR-2026-000001-5',
      );
      expect(rendered.text).toMatch(/11\s000 kg/);
      expect(rendered.text).toContain('17 березня 2026');
      expect(rendered.text).toContain('акт приймання');
    });
  });

  describe(AidShipmentReceivedTemplate.name, () => {
    const base = {
      sender: siauliai,
      hromada: dolyna,
      reference: 'BR-2026-000001-5',
      receivedAt: '2026-03-17T12:00:00Z',
      unsubscribeUrl: 'https://example.org/u',
    };

    it('should list only the lines that differ when there are discrepancies', () => {
      const rendered = new AidShipmentReceivedTemplate().render(
        {
          ...base,
          hasDiscrepancies: true,
          lines: [
            {
              item: 'Generators',
              unit: 'H87',
              shippedQuantity: 20,
              receivedQuantity: 20,
              damagedQuantity: 0,
              discrepancy: 'none',
            },
            {
              item: 'Medicines',
              unit: 'KGM',
              shippedQuantity: 500,
              receivedQuantity: 495,
              damagedQuantity: 3,
              discrepancy: 'short',
              note: 'Five boxes missing',
            },
          ],
        },
        'en',
      );
      expect(rendered.subject).toContain('(with discrepancies)');
      expect(rendered.text).toContain(
        'Medicines: shipped 500 kg, received 495, damaged 3 — Five boxes missing',
      );
      expect(rendered.text).not.toContain('Generators:');
    });

    it('should thank the sender when everything arrived', () => {
      const rendered = new AidShipmentReceivedTemplate().render(
        { ...base, hasDiscrepancies: false, lines: [] },
        'en',
      );
      expect(rendered.text).toContain('Everything arrived in full');
    });
  });
});
