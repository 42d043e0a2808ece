/**
 * Countries a municipality can belong to: Ukraine and the 27 EU member states.
 *
 * Codes are ISO 3166-1 alpha-2, except Greece, which is `EL` as in every Eurostat/GISCO data set
 * (LAU and NUTS codes start with `EL`); `GR` is not accepted, so one country has one code.
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
  'EL',
  'ES',
  'FI',
  'FR',
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

/** An EU member state's code. */
export type EuCountryCode = (typeof EU_COUNTRY_CODES)[number];

/** Every country a municipality profile can have, usable as `@IsIn(COUNTRY_CODES)`. */
export const COUNTRY_CODES = ['UA', ...EU_COUNTRY_CODES] as const;

/** A municipality's country code. */
export type CountryCode = (typeof COUNTRY_CODES)[number];

const EU_COUNTRY_SET: ReadonlySet<string> = new Set(EU_COUNTRY_CODES);

/** True when `value` is an EU member state code (Eurostat spelling). */
export function isEuCountryCode(value: unknown): value is EuCountryCode {
  return typeof value === 'string' && EU_COUNTRY_SET.has(value);
}

/** True when `value` is `UA` or an EU member state code. */
export function isCountryCode(value: unknown): value is CountryCode {
  return value === 'UA' || isEuCountryCode(value);
}
