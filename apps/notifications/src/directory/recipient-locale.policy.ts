/**
 * The language to write to a recipient in: their preferred language when the template is translated
 * into it, otherwise Ukrainian for a Ukrainian municipality's people and English for everyone else.
 * (`ua`, a common mistake for Ukrainian, counts as `uk`; `pl-PL` counts as `pl`.)
 */
export function chooseRecipientLocale(
  preferredLanguage: string | null | undefined,
  municipalityCountry: string | null | undefined,
  supportedLocales: readonly string[],
): string {
  const language = (preferredLanguage ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const normalised = language === 'ua' ? 'uk' : language;
  if (normalised && supportedLocales.includes(normalised)) return normalised;
  return (municipalityCountry ?? '').toUpperCase() === 'UA' ? 'uk' : 'en';
}
