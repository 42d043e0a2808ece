import {
  AID_CATEGORY_IDS,
  AidUrgency,
  COUNTRY_CODES,
  MATCH_FACTOR_IDS,
  PartnershipStatus,
  PartnershipTrack,
  SECTOR_IDS,
  UNIT_CODE_IDS,
} from '@bridges/contracts';
import { countryName } from './locale.util';
import { createDefaultTemplateRegistry } from './template.registry';
import {
  sectorLabels,
  vocabularyLabel,
  vocabularyTranslations,
  type VocabularyKind,
} from './vocabulary-labels';

/** Every language any template is written in: an email in it may show any vocabulary entry. */
const registry = createDefaultTemplateRegistry();
const TEMPLATE_LANGUAGES = [...new Set(registry.ids().flatMap((id) => registry.get(id).locales))].sort();

/** The contracts vocabularies emails show, entry by entry. */
const VOCABULARIES: ReadonlyArray<[VocabularyKind, readonly string[]]> = [
  ['sector', SECTOR_IDS],
  ['match-factor', MATCH_FACTOR_IDS],
  ['aid-category', AID_CATEGORY_IDS],
  ['aid-urgency', Object.values(AidUrgency)],
  ['unit', UNIT_CODE_IDS],
  ['partnership-status', Object.values(PartnershipStatus)],
  ['partnership-track', Object.values(PartnershipTrack)],
];

describe('vocabulary labels', () => {
  it('should know the languages the templates are written in', () => {
    expect(TEMPLATE_LANGUAGES).toEqual(['de', 'en', 'pl', 'sk', 'uk']);
  });

  describe.each(TEMPLATE_LANGUAGES)('in %s', (locale) => {
    it.each(VOCABULARIES)('should label every %s of the contracts vocabulary', (kind, ids) => {
      const missing = ids.filter((id) => !vocabularyTranslations(kind, id)[locale]?.trim());
      expect(missing).toEqual([]);
    });

    it('should name every country of the contracts vocabulary', () => {
      const unnamed = COUNTRY_CODES.filter((code) => countryName(code, locale) === code);
      expect(unnamed).toEqual([]);
    });
  });

  it('should not fall back to English in a language that has its own labels', () => {
    // A copy-pasted English label would pass the completeness test; these differ in every language.
    for (const locale of TEMPLATE_LANGUAGES.filter((l) => l !== 'en')) {
      expect(vocabularyLabel('sector', 'water-supply', locale)).not.toBe(
        vocabularyLabel('sector', 'water-supply', 'en'),
      );
    }
  });

  it('should list sectors in Polish for a Polish reader', () => {
    expect(sectorLabels(['energy-efficiency', 'waste-management'], 'pl')).toBe(
      'Efektywność energetyczna i odnawialne źródła energii, Gospodarka odpadami',
    );
  });

  it('should fall back to English for a language without labels and to the id for an unknown entry', () => {
    expect(vocabularyLabel('sector', 'transport', 'lt')).toBe('Transport and roads');
    expect(vocabularyLabel('sector', 'space-travel', 'pl')).toBe('space-travel');
    expect(sectorLabels([], 'pl')).toBeUndefined();
  });
});
