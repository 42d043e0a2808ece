import {
  aidRequestPublishedData,
  aidRequestReminderData,
  aidShipmentReceivedData,
} from './aid-logistics.fixtures';
import { AidRequestPublishedTemplate } from './aid-request-published.template';
import { AidRequestReminderTemplate } from './aid-request-reminder.template';
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
  it.each([
    new AidRequestPublishedTemplate(),
    new AidRequestReminderTemplate(),
    new AidShipmentReceivedTemplate(),
  ])('should offer $id in the EU partners’ languages, not only uk and en', (template) => {
    expect(template.locales).toEqual(['uk', 'en', 'pl', 'de', 'sk']);
  });

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

    it('should write Polish with Polish labels and number grouping when the partner reads Polish', () => {
      const data = aidRequestPublishedData();
      data.lines[0].quantity = 12_000;
      const { subject, text, html } = new AidRequestPublishedTemplate().render(data, 'pl');

      expect(subject).toBe('Bridges: Dolyna urban hromada prosi o pomoc: Generators for boiler houses');
      expect(text).toContain('Dolyna urban hromada, partner Państwa samorządu (Šiaulių rajono savivaldybė)');
      expect(text).toContain('Pilność: wysoka');
      expect(text).toContain('Potrzebne do: 1 grudnia 2026');
      expect(text).toContain('Diesel generator 30 kVA — 12\u00a0000 szt. (Energia i generatory)');
      expect(html).toContain('<html lang="pl">');
    });

    it.each([
      ['de', 'bittet um Hilfe', 'Benötigt bis: 1. Dezember 2026', '12.000 Stk. (Energie und Generatoren)'],
      ['sk', 'žiada o pomoc', 'Potrebné do: 1. decembra 2026', '12\u00a0000 ks (Energia a generátory)'],
    ])('should write the whole request in %s when the partner reads it', (locale, asks, neededBy, line) => {
      const data = aidRequestPublishedData();
      data.lines[0].quantity = 12_000;
      const { subject, text } = new AidRequestPublishedTemplate().render(data, locale);

      expect(subject).toContain(asks);
      expect(text).toContain(neededBy);
      expect(text).toContain(line);
      expect(text).not.toContain('Energy and generators');
    });
  });

  describe(AidRequestReminderTemplate.name, () => {
    it.each([
      ['en', 'Reminder: Dolyna urban hromada still needs aid', 'published on November 1, 2026', '5 pcs'],
      [
        'pl',
        'Przypomnienie: Dolyna urban hromada nadal potrzebuje pomocy',
        'opublikował 1 listopada 2026',
        '5 szt. (Energia i generatory)',
      ],
      [
        'de',
        'Erinnerung: Dolyna urban hromada benötigt weiterhin Hilfe',
        'am 1. November 2026',
        '5 Stk. (Energie und Generatoren)',
      ],
      [
        'sk',
        'Pripomienka: Dolyna urban hromada stále potrebuje pomoc',
        'zverejnil 1. novembra 2026',
        '5 ks (Energia a generátory)',
      ],
    ])('should remind the partner in %s of what is still needed', (locale, subject, since, line) => {
      const rendered = new AidRequestReminderTemplate().render(aidRequestReminderData(), locale);

      expect(rendered.subject).toBe(`Bridges: ${subject} — Generators for boiler houses`);
      expect(rendered.text).toContain(since);
      expect(rendered.text).toContain(`Diesel generator 30 kVA — ${line}`);
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

    it.each([
      [
        'pl',
        'Bridges: Przesyłka BR-2026-000001-5 odebrana: Dolyna urban hromada (z rozbieżnościami)',
        'potwierdził 17 marca 2026',
        'Medicines: wysłano 12\u00a0000 kg, odebrano 495, uszkodzonych: 3',
      ],
      [
        'de',
        'Bridges: Dolyna urban hromada hat die Sendung BR-2026-000001-5 erhalten (mit Abweichungen)',
        'Am 17. März 2026',
        'Medicines: versandt 12.000 kg, erhalten 495, beschädigt 3',
      ],
      [
        'sk',
        'Bridges: Zásielka BR-2026-000001-5 prevzatá: Dolyna urban hromada (s nezrovnalosťami)',
        'potvrdil 17. marca 2026',
        'Medicines: odoslané 12\u00a0000 kg, prijaté 495, poškodené 3',
      ],
    ])('should report the discrepancies to the sender in %s', (locale, subject, date, line) => {
      const data = aidShipmentReceivedData();
      data.lines[0] = { ...data.lines[0], shippedQuantity: 12_000, damagedQuantity: 3 };
      const rendered = new AidShipmentReceivedTemplate().render(data, locale);

      expect(rendered.subject).toBe(subject);
      expect(rendered.text).toContain(date);
      expect(rendered.text).toContain(line);
    });

    it.each([
      ['pl', 'Wszystko dotarło w komplecie'],
      ['de', 'Alles ist vollständig'],
      ['sk', 'Všetko dorazilo v plnom rozsahu'],
    ])('should thank the sender in %s when everything arrived', (locale, thanks) => {
      const rendered = new AidShipmentReceivedTemplate().render(
        { ...aidShipmentReceivedData(), hasDiscrepancies: false, lines: [] },
        locale,
      );
      expect(rendered.text).toContain(thanks);
    });
  });
});
