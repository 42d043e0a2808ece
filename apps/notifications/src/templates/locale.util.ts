/** Language every template supports; the last resort when the recipient's language has no translation. */
export const FALLBACK_LOCALE = 'en';

/**
 * Picks the locale to render in: the requested language if the template has it (`pl-PL` counts as `pl`),
 * else English. `ua`, a common mistake for Ukrainian, is read as `uk`.
 */
export function resolveLocale(requested: string | null | undefined, supported: readonly string[]): string {
  const language = (requested ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const normalised = language === 'ua' ? 'uk' : language;
  if (normalised && supported.includes(normalised)) return normalised;
  return supported.includes(FALLBACK_LOCALE) ? FALLBACK_LOCALE : supported[0];
}

/** Country name in the reader's language (Eurostat's `EL` is Greece, which ICU knows as `GR`). */
export function countryName(countryCode: string, locale: string): string {
  const iso = countryCode.toUpperCase() === 'EL' ? 'GR' : countryCode.toUpperCase();
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(iso) ?? countryCode;
  } catch {
    return countryCode;
  }
}

/** A whole number with the locale's digit grouping (12 345 in Ukrainian, 12,345 in English). */
export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share in [0, 1] as a whole percentage in the locale's style. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A calendar date (UTC) written out in the locale, e.g. "28 листопада 2026 р.". */
export function formatDate(isoDate: string | Date, locale: string): string {
  const date = typeof isoDate === 'string' ? new Date(isoDate) : isoDate;
  if (Number.isNaN(date.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Ends a sentence with a full stop unless it already ends with one (Ukrainian dates end in "р."). */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
