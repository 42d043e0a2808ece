import {
  COUNTRY_CODES,
  countryFromEurostat,
  eurostatCountryCode,
  isCountryCode,
  isEuCountryCode,
} from './countries';
import { DEFAULT_LANGUAGES_BY_COUNTRY, LANGUAGE_CODES, isLanguageCode } from './languages';
import { SECTORS, SECTOR_IDS, findSector, isSectorId } from './sectors';
import { classifyEuSettlementType, isSettlementType, settlementTypeFromUkrainian } from './settlement-types';

describe('sectors', () => {
  describe('SECTORS', () => {
    it('should have unique kebab-case ids with en and uk labels and a description', () => {
      expect(new Set(SECTOR_IDS).size).toBe(SECTORS.length);
      for (const sector of SECTORS) {
        expect(sector.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(sector.en.length).toBeGreaterThan(0);
        expect(sector.uk).toMatch(/[а-яіїєґ]/i);
        expect(sector.description.length).toBeGreaterThan(10);
      }
    });
  });

  describe(isSectorId.name, () => {
    it('should accept a known id and reject unknown, differently cased or non-string values', () => {
      expect(isSectorId('water-supply')).toBe(true);
      expect(isSectorId('Water-Supply')).toBe(false);
      expect(isSectorId('space-travel')).toBe(false);
      expect(isSectorId(42)).toBe(false);
    });
  });

  describe(findSector.name, () => {
    it('should return the definition when the id is known', () => {
      expect(findSector('education')?.uk).toBe('Освіта');
      expect(findSector('nope')).toBeUndefined();
    });
  });
});

describe('languages', () => {
  describe(isLanguageCode.name, () => {
    it('should accept ISO 639-1 codes of Ukrainian and EU languages only', () => {
      expect(isLanguageCode('uk')).toBe(true);
      expect(isLanguageCode('et')).toBe(true);
      expect(isLanguageCode('ru')).toBe(false);
      expect(isLanguageCode('UK')).toBe(false);
    });
  });

  describe('DEFAULT_LANGUAGES_BY_COUNTRY', () => {
    it('should give every supported country only known language codes', () => {
      for (const country of COUNTRY_CODES) {
        const languages = DEFAULT_LANGUAGES_BY_COUNTRY[country];
        expect(languages?.length).toBeGreaterThan(0);
        for (const code of languages ?? []) expect(LANGUAGE_CODES).toContain(code);
      }
    });
  });
});

describe('countries', () => {
  describe(isCountryCode.name, () => {
    it('should accept UA and ISO codes of EU states and reject the Eurostat-only EL', () => {
      expect(isCountryCode('UA')).toBe(true);
      expect(isCountryCode('GR')).toBe(true);
      expect(isCountryCode('EL')).toBe(false);
      expect(isEuCountryCode('UA')).toBe(false);
      expect(COUNTRY_CODES).toHaveLength(28);
    });
  });

  describe(countryFromEurostat.name, () => {
    it('should turn EL into GR and keep other member states when converting Eurostat codes', () => {
      expect(countryFromEurostat('EL')).toBe('GR');
      expect(countryFromEurostat('EE')).toBe('EE');
      expect(countryFromEurostat('UA')).toBeUndefined();
    });
  });

  describe(eurostatCountryCode.name, () => {
    it('should turn GR into EL and keep other member states', () => {
      expect(eurostatCountryCode('GR')).toBe('EL');
      expect(eurostatCountryCode('PL')).toBe('PL');
    });
  });
});

describe('settlement-types', () => {
  describe(settlementTypeFromUkrainian.name, () => {
    it('should map the three legal hromada types when spelled in Ukrainian', () => {
      expect(settlementTypeFromUkrainian('міська')).toBe('urban');
      expect(settlementTypeFromUkrainian(' Селищна ')).toBe('settlement');
      expect(settlementTypeFromUkrainian('сільська')).toBe('rural');
      expect(settlementTypeFromUkrainian('обласна')).toBeUndefined();
    });
  });

  describe(classifyEuSettlementType.name, () => {
    it('should return city when population and density reach the urban-centre thresholds', () => {
      expect(classifyEuSettlementType(437_000, 159)).toBe('city');
      expect(classifyEuSettlementType(50_000, 100)).toBe('city');
    });

    it('should return town when dense but below 50,000 inhabitants', () => {
      expect(classifyEuSettlementType(49_999, 100)).toBe('town');
      expect(classifyEuSettlementType(5_000, 10)).toBe('town');
    });

    it('should return rural when thinly populated or tiny', () => {
      expect(classifyEuSettlementType(120_000, 1_000)).toBe('rural');
      expect(classifyEuSettlementType(4_999, 1)).toBe('rural');
    });

    it('should return undefined when the area is zero or inputs are not finite', () => {
      expect(classifyEuSettlementType(100, 0)).toBeUndefined();
      expect(classifyEuSettlementType(Number.NaN, 10)).toBeUndefined();
      expect(isSettlementType('town')).toBe(true);
    });
  });
});
