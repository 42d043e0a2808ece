/**
 * Countries a municipality can belong to: Ukraine and the 27 EU member states, as ISO 3166-1
 * alpha-2 codes (so `@IsISO31661Alpha2()` accepts every one of them).
 *
 * Eurostat and GISCO write Greece as `EL` (file `EL.csv`, LAU ids `EL_…`, NUTS codes `EL…`).
 * That spelling stays inside official codes and region codes; the country itself is always `GR`.
 * Convert at the edge with {@link countryFromEurostat} / {@link eurostatCountryCode}.
 */
export const EU_COUNTRY_CODES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** An EU member state's ISO 3166-1 alpha-2 code. */
export type EuCountryCode = (typeof EU_COUNTRY_CODES)[number];

/** Every country a municipality profile can have, usable as `@IsIn(COUNTRY_CODES)`. */
export const COUNTRY_CODES = ['UA', ...EU_COUNTRY_CODES] as const;

/** A municipality's country code. */
export type CountryCode = (typeof COUNTRY_CODES)[number];

const EU_COUNTRY_SET: ReadonlySet<string> = new Set(EU_COUNTRY_CODES);

/** True when `value` is an EU member state's ISO code. */
export function isEuCountryCode(value: unknown): value is EuCountryCode {
  return typeof value === 'string' && EU_COUNTRY_SET.has(value);
}

/** True when `value` is `UA` or an EU member state's ISO code. */
export function isCountryCode(value: unknown): value is CountryCode {
  return value === 'UA' || isEuCountryCode(value);
}

/** The Eurostat/GISCO spelling of a member state (`GR` → `EL`, others unchanged). */
export function eurostatCountryCode(country: EuCountryCode): string {
  return country === 'GR' ? 'EL' : country;
}

/** The ISO code of a Eurostat/GISCO country code (`EL` → `GR`), or undefined if not an EU state. */
export function countryFromEurostat(code: string): EuCountryCode | undefined {
  const iso = code === 'EL' ? 'GR' : code;
  return isEuCountryCode(iso) ? iso : undefined;
}
