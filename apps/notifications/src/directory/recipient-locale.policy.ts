import { DEFAULT_LANGUAGES_BY_COUNTRY } from '@bridges/contracts';

/**
 * The language to write to a recipient in: their preferred language when the template is translated
 * into it; otherwise their municipality's country's main language when the template has it (Polish for
 * a Polish municipality's people, Ukrainian for a hromada's); otherwise English. Only the country's
 * first language counts: in Belgium or Luxembourg a guess between official languages would be wrong
 * for half the readers, and English is the neutral choice. (`ua`, a common mistake for Ukrainian,
 * counts as `uk`; `pl-PL` counts as `pl`.)
 */
export function chooseRecipientLocale(
  preferredLanguage: string | null | undefined,
  municipalityCountry: string | null | undefined,
  supportedLocales: readonly string[],
): string {
  const language = (preferredLanguage ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const normalised = language === 'ua' ? 'uk' : language;
  if (normalised && supportedLocales.includes(normalised)) return normalised;
  const country = (municipalityCountry ?? '').toUpperCase();
  // Eurostat writes Greece EL; the vocabulary keys it GR.
  const countryLanguage = DEFAULT_LANGUAGES_BY_COUNTRY[country === 'EL' ? 'GR' : country]?.[0];
  if (countryLanguage && supportedLocales.includes(countryLanguage)) return countryLanguage;
  return 'en';
}
