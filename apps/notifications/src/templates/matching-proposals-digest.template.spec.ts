import { MatchingProposalsDigestTemplate } from './matching-proposals-digest.template';
import { proposalsDigestData } from './template.fixtures';

const template = new MatchingProposalsDigestTemplate();

describe(MatchingProposalsDigestTemplate.name, () => {
  it('should offer the digest in the coordinators’ and partners’ languages', () => {
    expect(template.locales).toEqual(['uk', 'en', 'pl', 'de', 'sk']);
  });

  describe('render', () => {
    it.each([
      [1, '1 нова пропозиція партнерства'],
      [3, '3 нові пропозиції партнерства'],
      [5, '5 нових пропозицій партнерства'],
      [21, '21 нова пропозиція партнерства'],
      [12, '12 нових пропозицій партнерства'],
    ])('should agree the Ukrainian noun with the number when there are %i proposals', (count, phrase) => {
      expect(template.render(proposalsDigestData(count), 'uk').subject).toBe(
        `Bridges: ${phrase} — Бучанська міська громада`,
      );
    });

    it('should list every proposal with partner, country, score and at most three reasons', () => {
      const { text } = template.render(proposalsDigestData(3), 'uk');

      expect(text).toContain('1. Gemeinde 1 (Німеччина)');
      expect(text).toContain('3. Gemeinde 3 (Німеччина)');
      expect(text).toContain('Оцінка відповідності: 90%');
      expect(text).toContain('Потреби збігаються з пропозиціями партнера: 95%');
      expect(text).toContain('Відстань і логістика');
      expect(text).not.toContain('Партнер має змогу');
      expect(text.match(/Переглянути пропозицію:/g)).toHaveLength(3);
    });

    it('should say who the partner is: both scripts, region, population and its public profile', () => {
      const data = proposalsDigestData(1);
      const partner = {
        nameNative: 'Kraków',
        nameLatin: 'Krakow',
        countryCode: 'PL',
        municipalityId: 'a1',
        region: 'Miasto Kraków',
        population: 804_237,
        profileUrl: 'https://registry.bridges.example/console/municipalities/a1',
      };
      const { text } = template.render({ ...data, proposals: [{ ...data.proposals[0], partner }] }, 'uk');

      expect(text).toContain('1. Kraków (Krakow) (Польща)');
      expect(text).toContain('Регіон: Miasto Kraków');
      expect(text).toMatch(/Населення: 804\s237/);
      expect(text).toContain('Профіль партнера: https://registry.bridges.example/console/municipalities/a1');
    });

    it('should leave out what is unknown of the partner rather than print an empty line', () => {
      const { text } = template.render(proposalsDigestData(1), 'en');
      expect(text).not.toContain('Region:');
      expect(text).not.toContain('Population:');
      expect(text).not.toContain("The partner's profile");
    });

    it('should show matching explanations only when the locale is en', () => {
      expect(template.render(proposalsDigestData(1), 'en').text).toContain(
        '(water-supply need meets water-supply offer)',
      );
      expect(template.render(proposalsDigestData(1), 'uk').text).not.toContain('water-supply need');
    });

    it('should name the hromada per proposal when the audience is a coordinator', () => {
      const { subject, text } = template.render(proposalsDigestData(2, { audience: 'coordinator' }), 'en');
      expect(subject).toBe('Bridges: 2 new partnership proposals');
      expect(text).toContain('Hromada: Бучанська міська громада (Bucha urban hromada)');
    });

    it('should use the Latin hromada name when an English reader gets it', () => {
      expect(template.render(proposalsDigestData(1), 'en').subject).toBe(
        'Bridges: 1 new partnership proposal for Bucha urban hromada',
      );
    });

    it('should write Polish, not English, when asked for a partner language', () => {
      const data = proposalsDigestData(1);
      const partner = { nameNative: 'Kraków', countryCode: 'PL', population: 804_237 };
      const { text } = template.render({ ...data, proposals: [{ ...data.proposals[0], partner }] }, 'pl');

      expect(text).toContain('Stopień dopasowania: 90%');
      expect(text).toContain('1. Kraków (Polska)');
      expect(text).toContain('Liczba mieszkańców: 804\u00a0237');
      expect(text).toContain('Potrzeby odpowiadają ofercie partnera: 95%');
      expect(text).not.toContain('Match score');
      expect(text).not.toContain('water-supply need');
    });

    it.each([
      [1, '1 nowa propozycja partnerstwa', '1 potencjalnego partnera'],
      [3, '3 nowe propozycje partnerstwa', '3 potencjalnych partnerów'],
      [5, '5 nowych propozycji partnerstwa', '5 potencjalnych partnerów'],
      [22, '22 nowe propozycje partnerstwa', '22 potencjalnych partnerów'],
    ])(
      'should agree the Polish nouns with the number when there are %i proposals',
      (count, phrase, partners) => {
        const { subject, text } = template.render(proposalsDigestData(count), 'pl');
        expect(subject).toBe(`Bridges: ${phrase} — Bucha urban hromada`);
        expect(text).toContain(`(Bucha urban hromada) ${partners}.`);
      },
    );

    it.each([
      [1, 'pl', 'System doboru partnerów przygotował 1 nową propozycję partnerstwa.'],
      [12, 'pl', 'System doboru partnerów przygotował 12 nowych propozycji partnerstwa.'],
      [1, 'de', 'Die Partnersuche von Bridges hat 1 neuen Vorschlag erstellt.'],
      [2, 'de', 'Die Partnersuche von Bridges hat 2 neue Vorschläge erstellt.'],
      [1, 'sk', 'Systém výberu partnerov pripravil 1 nový návrh partnerstva.'],
      [4, 'sk', 'Systém výberu partnerov pripravil 4 nové návrhy partnerstva.'],
      [5, 'sk', 'Systém výberu partnerov pripravil 5 nových návrhov partnerstva.'],
    ])(
      'should tell a coordinator of %i proposals in %s with the right noun forms',
      (count, locale, intro) => {
        const { text } = template.render(proposalsDigestData(count, { audience: 'coordinator' }), locale);
        expect(text).toContain(intro);
      },
    );

    it.each([
      [
        'de',
        1,
        'Bridges: 1 neuer Partnerschaftsvorschlag für Bucha urban hromada',
        'Übereinstimmung: 90\u00a0%',
      ],
      [
        'de',
        2,
        'Bridges: 2 neue Partnerschaftsvorschläge für Bucha urban hromada',
        'Gemeinde 1 (Deutschland)',
      ],
      ['sk', 1, 'Bridges: 1 nový návrh partnerstva — Bucha urban hromada', 'Miera zhody: 90\u00a0%'],
      ['sk', 3, 'Bridges: 3 nové návrhy partnerstva — Bucha urban hromada', 'Gemeinde 1 (Nemecko)'],
      [
        'sk',
        5,
        'Bridges: 5 nových návrhov partnerstva — Bucha urban hromada',
        'Vzdialenosť a logistika: 60\u00a0%',
      ],
    ])('should write %s when asked for it (%i proposals)', (locale, count, subject, line) => {
      const rendered = template.render(proposalsDigestData(count), locale);
      expect(rendered.subject).toBe(subject);
      expect(rendered.text).toContain(line);
    });

    it('should show an unknown factor id as sent when matching adds a new factor', () => {
      const data = proposalsDigestData(1);
      const proposal = { ...data.proposals[0], topReasons: [{ factor: 'river-basin', score: 0.7 }] };
      expect(template.render({ ...data, proposals: [proposal] }, 'uk').text).toContain('river-basin: 70%');
    });
  });
});
