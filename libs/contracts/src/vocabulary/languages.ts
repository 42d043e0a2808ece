/**
 * Working languages a municipality can run a partnership in: ISO 639-1 codes (lower case).
 *
 * Ukrainian plus the 24 official languages of the EU. The code is the wire value; names are for
 * display only. Russian is deliberately absent: partnerships are worked in Ukrainian, English or
 * the EU partner's language.
 */
export interface LanguageDefinition {
  /** ISO 639-1 code, the wire value. */
  readonly code: string;
  /** Name in English. */
  readonly en: string;
  /** Name in Ukrainian. */
  readonly uk: string;
  /** Name in the language itself (endonym). */
  readonly native: string;
}

/** Every working language, Ukrainian and English first, then the other EU languages by code. */
export const LANGUAGES = [
  { code: 'uk', en: 'Ukrainian', uk: 'українська', native: 'українська' },
  { code: 'en', en: 'English', uk: 'англійська', native: 'English' },
  { code: 'bg', en: 'Bulgarian', uk: 'болгарська', native: 'български' },
  { code: 'cs', en: 'Czech', uk: 'чеська', native: 'čeština' },
  { code: 'da', en: 'Danish', uk: 'данська', native: 'dansk' },
  { code: 'de', en: 'German', uk: 'німецька', native: 'Deutsch' },
  { code: 'el', en: 'Greek', uk: 'грецька', native: 'ελληνικά' },
  { code: 'es', en: 'Spanish', uk: 'іспанська', native: 'español' },
  { code: 'et', en: 'Estonian', uk: 'естонська', native: 'eesti' },
  { code: 'fi', en: 'Finnish', uk: 'фінська', native: 'suomi' },
  { code: 'fr', en: 'French', uk: 'французька', native: 'français' },
  { code: 'ga', en: 'Irish', uk: 'ірландська', native: 'Gaeilge' },
  { code: 'hr', en: 'Croatian', uk: 'хорватська', native: 'hrvatski' },
  { code: 'hu', en: 'Hungarian', uk: 'угорська', native: 'magyar' },
  { code: 'it', en: 'Italian', uk: 'італійська', native: 'italiano' },
  { code: 'lt', en: 'Lithuanian', uk: 'литовська', native: 'lietuvių' },
  { code: 'lv', en: 'Latvian', uk: 'латиська', native: 'latviešu' },
  { code: 'mt', en: 'Maltese', uk: 'мальтійська', native: 'Malti' },
  { code: 'nl', en: 'Dutch', uk: 'нідерландська', native: 'Nederlands' },
  { code: 'pl', en: 'Polish', uk: 'польська', native: 'polski' },
  { code: 'pt', en: 'Portuguese', uk: 'португальська', native: 'português' },
  { code: 'ro', en: 'Romanian', uk: 'румунська', native: 'română' },
  { code: 'sk', en: 'Slovak', uk: 'словацька', native: 'slovenčina' },
  { code: 'sl', en: 'Slovenian', uk: 'словенська', native: 'slovenščina' },
  { code: 'sv', en: 'Swedish', uk: 'шведська', native: 'svenska' },
] as const satisfies readonly LanguageDefinition[];

/** A working language's ISO 639-1 code. */
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** All language codes, usable as `@IsIn(LANGUAGE_CODES)`. */
export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((language) => language.code);

const LANGUAGE_CODE_SET: ReadonlySet<string> = new Set(LANGUAGE_CODES);

/** True when `value` is a supported working-language code. */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && LANGUAGE_CODE_SET.has(value);
}

/**
 * The usual working language of Ukraine and of each EU member state (ISO 3166-1 alpha-2 codes,
 * as in `countries.ts`), used to pre-fill an imported municipality's languages; officers correct it.
 * Multilingual states get every official language at national level.
 */
export const DEFAULT_LANGUAGES_BY_COUNTRY: Readonly<Record<string, readonly LanguageCode[]>> = {
  UA: ['uk'],
  AT: ['de'],
  BE: ['nl', 'fr', 'de'],
  BG: ['bg'],
  CY: ['el'],
  CZ: ['cs'],
  DE: ['de'],
  DK: ['da'],
  EE: ['et'],
  ES: ['es'],
  FI: ['fi', 'sv'],
  FR: ['fr'],
  GR: ['el'],
  HR: ['hr'],
  HU: ['hu'],
  IE: ['en', 'ga'],
  IT: ['it'],
  LT: ['lt'],
  LU: ['fr', 'de'],
  LV: ['lv'],
  MT: ['mt', 'en'],
  NL: ['nl'],
  PL: ['pl'],
  PT: ['pt'],
  RO: ['ro'],
  SE: ['sv'],
  SI: ['sl'],
  SK: ['sk'],
};
