import { PartnershipStatusChangedTemplate } from './partnership-status-changed.template';
import { partnershipStatusChangedData } from './template.fixtures';

const template = new PartnershipStatusChangedTemplate();

describe(PartnershipStatusChangedTemplate.name, () => {
  describe('render', () => {
    it.each([
      ['active', 'активне', 'спільна діяльність триває'],
      ['dormant', 'неактивне', 'Координатори Bridges можуть допомогти'],
      ['ended', 'завершене', 'Дякуємо за співпрацю'],
    ] as const)('should explain the new status in Ukrainian when it becomes %s', (to, label, meaning) => {
      const { subject, text } = template.render(
        partnershipStatusChangedData({ from: 'established', to }),
        'uk',
      );
      expect(subject).toBe(`Bridges: Партнерство Житомирська міська громада – Kraków: ${label}`);
      expect(text).toContain(meaning);
      expect(text).toContain(`стало: «${label}»`);
    });

    it.each([
      ['pl', 'Partnerstwo Kraków – Zhytomyr urban hromada: uśpione', 'Było: „aktywne”, jest: „uśpione”'],
      ['de', 'Partnerschaft Kraków – Zhytomyr urban hromada: ruhend', '„aktiv“ → „ruhend“'],
      ['sk', 'Partnerstvo Kraków – Zhytomyr urban hromada: neaktívne', '„aktívne“ → „neaktívne“'],
    ])('should write to the EU side in %s with statuses in that language', (locale, subject, change) => {
      const data = partnershipStatusChangedData({
        municipality: { nameNative: 'Kraków', nameLatin: 'Krakow' },
        partner: {
          nameNative: 'Житомирська міська громада',
          nameLatin: 'Zhytomyr urban hromada',
          countryCode: 'UA',
        },
      });
      const rendered = template.render(data, locale);
      expect(rendered.subject).toBe(`Bridges: ${subject}`);
      expect(rendered.text).toContain(change);
      expect(rendered.text).not.toMatch(/dormant|formal partnership/);
    });

    it('should show both tracks when the track changed', () => {
      const { text } = template.render(
        partnershipStatusChangedData({ previousTrack: 'solidarity', track: 'formal' }),
        'en',
      );
      expect(text).toContain('Type of partnership: solidarity partnership → formal partnership');
    });

    it('should show one track when it did not change', () => {
      const { text } = template.render(partnershipStatusChangedData({ previousTrack: 'formal' }), 'en');
      expect(text).toContain('Type of partnership: formal partnership\n');
    });

    it('should escape the free-text reason in HTML', () => {
      const { html } = template.render(
        partnershipStatusChangedData({ reason: '<a href="x">click</a>' }),
        'en',
      );
      expect(html).toContain('&lt;a href=&quot;x&quot;&gt;click&lt;/a&gt;');
      expect(html).not.toContain('<a href="x">');
    });
  });
});
