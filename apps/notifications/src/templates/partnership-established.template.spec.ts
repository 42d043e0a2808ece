import { PartnershipEstablishedTemplate } from './partnership-established.template';
import { partnershipEstablishedData, UNSUBSCRIBE_URL } from './template.fixtures';

const template = new PartnershipEstablishedTemplate();

describe(PartnershipEstablishedTemplate.name, () => {
  describe('render', () => {
    it('should write Ukrainian with the partner profile and the kick-off meeting when the locale is uk', () => {
      const { subject, text, html } = template.render(partnershipEstablishedData(), 'uk');

      expect(subject).toBe('Bridges: Партнерство встановлено: Житомирська міська громада і Kraków');
      expect(text).toContain('Доброго дня, Олена Коваль!');
      expect(text).toContain('Країна: Польща');
      expect(text).toContain('Регіон: Małopolskie');
      expect(text).toContain('Населення: 804\u00a0237');
      expect(text).toContain('Пріоритетні сектори: Водопостачання та водовідведення');
      expect(text).toContain(
        'Може запропонувати: Енергоефективність та відновлювана енергетика, Поводження з відходами',
      );
      expect(text).toContain('двосторонню онлайн-зустріч');
      expect(text).toContain('Формат співпраці: офіційне партнерство');
      expect(text).toContain('28 листопада 2026 р.');
      expect(text).not.toContain('р..');
      expect(html).toContain('<html lang="uk">');
      expect(html).toContain('Наступний крок');
    });

    it('should write English with the Latin name of a Ukrainian partner when the locale is en', () => {
      const data = partnershipEstablishedData({
        municipality: { nameNative: 'Kraków' },
        partner: {
          nameNative: 'Житомирська міська громада',
          nameLatin: 'Zhytomyr urban hromada',
          countryCode: 'UA',
          needs: ['reconstruction'],
        },
      });
      const { subject, text } = template.render(data, 'en');

      expect(subject).toBe('Bridges: Partnership established: Kraków and Zhytomyr urban hromada');
      expect(text).toContain('Zhytomyr urban hromada (Ukraine)');
      expect(text).toContain('Name: Житомирська міська громада');
      expect(text).toContain('Name (Latin script): Zhytomyr urban hromada');
      expect(text).toMatch(/Needs support in: \S+/);
      expect(text).toContain('bilateral online kick-off meeting');
    });

    it.each([
      ['pl', 'Partnerstwo nawiązane', 'Następny krok', 'Polska'],
      ['de', 'Partnerschaft vereinbart', 'Nächster Schritt', 'Polen'],
      ['sk', 'Partnerstvo nadviazané', 'Ďalší krok', 'Poľsko'],
    ])('should write in the partner language when the locale is %s', (locale, subject, nextStep, country) => {
      const rendered = template.render(partnershipEstablishedData(), locale);
      expect(rendered.subject).toContain(subject);
      expect(rendered.text).toContain(nextStep);
      expect(rendered.text).toContain(country);
    });

    it.each([
      ['pl', 'Może zaoferować: Efektywność energetyczna i odnawialne źródła energii, Gospodarka odpadami'],
      ['de', 'Bietet an: Energieeffizienz und erneuerbare Energien, Abfallwirtschaft'],
      ['sk', 'Môže ponúknuť: Energetická efektívnosť a obnoviteľné zdroje, Odpadové hospodárstvo'],
    ])('should list the sectors in %s, not in English', (locale, offers) => {
      const { text } = template.render(partnershipEstablishedData(), locale);
      expect(text).toContain(offers);
      expect(text).not.toContain('Waste management');
    });

    it('should fall back to English when the locale has no translation', () => {
      expect(template.render(partnershipEstablishedData(), 'lv').subject).toContain(
        'Partnership established',
      );
    });

    it('should address the association when the audience is an association', () => {
      const uk = template.render(partnershipEstablishedData({ audience: 'association' }), 'uk');
      const en = template.render(partnershipEstablishedData({ audience: 'association' }), 'en');
      expect(uk.subject).toContain('члена вашої асоціації');
      expect(uk.text).toContain('Представники вашої асоціації');
      expect(en.text).toContain('a member of your association');
    });

    it('should escape every interpolated value in HTML when names come from outside', () => {
      const data = partnershipEstablishedData({
        recipientName: '<img src=x onerror=alert(1)>',
        partner: {
          nameNative: 'Evil <script>alert("x")</script> & Co',
          countryCode: 'PL',
          region: '"><b>r</b>',
        },
      });
      const { html, text } = template.render(data, 'en');

      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>r</b>');
      expect(html).toContain('Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(text).toContain('Evil <script>alert("x")</script> & Co');
    });

    it('should not link a javascript: URL when the partnership URL is hostile', () => {
      const { html, text } = template.render(
        partnershipEstablishedData({ partnershipUrl: 'javascript:alert(1)' }),
        'en',
      );
      expect(html).not.toContain('javascript:');
      expect(text).not.toContain('javascript:');
    });

    it('should carry the unsubscribe link in text and HTML', () => {
      const { html, text } = template.render(partnershipEstablishedData(), 'de');
      expect(text).toContain(`Von diesen E-Mails abmelden: ${UNSUBSCRIBE_URL}`);
      expect(html).toContain(`href="${UNSUBSCRIBE_URL}"`);
    });

    it('should keep the subject on one line when a name contains a line break', () => {
      const data = partnershipEstablishedData({
        partner: { nameNative: 'Bad\r\nBcc: x@evil', countryCode: 'PL' },
      });
      expect(template.render(data, 'en').subject).not.toMatch(/[\r\n]/);
    });

    it('should leave out profile rows when the data is missing', () => {
      const { text } = template.render(
        partnershipEstablishedData({ partner: { nameNative: 'Kraków', countryCode: 'PL' } }),
        'en',
      );
      expect(text).not.toContain('Population');
      expect(text).not.toContain('Region');
      expect(text).not.toContain('Name (Latin script)');
    });
  });
});
